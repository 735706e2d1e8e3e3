// Calibration: see DESIGN.md §2.
