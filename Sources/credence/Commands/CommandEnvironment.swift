import CredenceServer
import Foundation
import Logging

/// Start-up shared by every command: read the configuration once and set up logging from it.
enum CommandEnvironment {
    /// Reads the configuration, printing every problem and exiting non-zero when it is invalid.
    static func load() -> AppConfig {
        do {
            return try AppConfig.load(from: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            exit(78)  // EX_CONFIG
        }
    }

    /// Bootstraps swift-log once for the process and returns the service logger.
    static func logger(for config: AppConfig, label: String = "credence") -> Logger {
        LoggingSystem.bootstrap { label in
            switch config.logFormat {
            case .json: return JSONLogHandler(label: label, level: config.logLevel)
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = config.logLevel
                return handler
            }
        }
        var logger = Logger(label: label)
        logger.logLevel = config.logLevel
        return logger
    }
}
