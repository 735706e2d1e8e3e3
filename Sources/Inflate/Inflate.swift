// Inflate: see DESIGN.md §2.
