import Testing

@Suite struct CredentialsPlaceholder {}
