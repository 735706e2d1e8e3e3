import Testing

@Suite struct ReportingPlaceholder {}
