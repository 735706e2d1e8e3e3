import ArgumentParser

@main
struct Credence: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credence",
        abstract: "Verified micro-credentials, searchable by skill.",
        discussion: "Configuration comes from the environment: DATABASE_URL, HOST, PORT, LOG_LEVEL, LOG_FORMAT.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, SeedCommand.self, ImportCommand.self, VerifyCommand.self, KeysCommand.self, DocumentsCommand.self,
            CanonicalizeCommand.self,
            BenchCommand.self,
        ]
    )
}
