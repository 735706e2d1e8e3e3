// Verification: see DESIGN.md §2.
