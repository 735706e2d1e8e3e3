import Testing

@Suite struct LinkedDataPlaceholder {}
