import Testing

@Suite struct VerificationPlaceholder {}
