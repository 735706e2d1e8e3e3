import Testing

@Suite struct CalibrationPlaceholder {}
