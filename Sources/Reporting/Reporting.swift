// Reporting: see DESIGN.md §2.
