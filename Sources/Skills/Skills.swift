// Skills: see DESIGN.md §2.
