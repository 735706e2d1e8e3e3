import ArgumentParser

/// `credence bench …`: measurements, never run by the test suite. Use a release build.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput and latency (build with -c release first).",
        subcommands: [BenchGenerateCommand.self, BenchSearchCommand.self, BenchImportCommand.self, CanonicalizeBenchmarkCommand.self, VerifyBenchmarkCommand.self]
    )
}
