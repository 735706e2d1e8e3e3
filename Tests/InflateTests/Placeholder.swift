import Testing

@Suite struct InflatePlaceholder {}
