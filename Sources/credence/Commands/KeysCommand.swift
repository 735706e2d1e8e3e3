import ArgumentParser
import CredenceServer
import Foundation
import PostgresNIO

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage API keys from the server's shell.",
        subcommands: [Create.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API key, creating the organisation when needed. The key is printed alone on the last line."
        )

        @Option(help: "Organisation name (created when missing).")
        var org: String

        @Option(help: "Role: admin, issuer, recruiter, hiring_manager or earner.")
        var role: String

        @Option(help: "Kind of a new organisation: employer, issuer or platform (default: from the role).")
        var kind: String?

        @Option(help: "A label to recognise the key by.")
        var label: String = ""

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if role == Role.earner.rawValue {
                throw ValidationError("earner keys are bound to an earner; create them with POST /v1/organizations/{id}/keys")
            }
            if let kind, OrganizationKind(rawValue: kind) == nil {
                throw ValidationError("--kind must be one of employer, issuer, platform")
            }
        }

        func run() async throws {
            let config = CommandEnvironment.load()
            let logger = CommandEnvironment.logger(for: config)
            guard let role = Role(rawValue: role) else { throw ValidationError("unknown role") }
            let kind = kind.flatMap(OrganizationKind.init(rawValue:)) ?? Self.defaultKind(for: role)
            let (org, label) = (self.org, self.label)
            let (organization, record, secret) = try await PostgresClient.withRunning(config.database.clientConfiguration, logger: logger) { client in
                let context = AuditContext(actor: .cli(command: "keys create"))
                let organization = try await OrganizationStore(client: client, logger: logger).findOrCreate(name: org, kind: kind, context: context)
                let (record, secret) = try await APIKeyStore(client: client, logger: logger).create(
                    organizationID: organization.id, role: role, label: label, context: context
                )
                return (organization, record, secret)
            }
            print("organisation: \(organization.name) (\(organization.kind.rawValue), \(organization.id))")
            print("key id: \(record.id), role: \(record.role.rawValue)")
            print(secret.token)
        }

        static func defaultKind(for role: Role) -> OrganizationKind {
            switch role {
            case .admin, .earner: return .platform
            case .issuer: return .issuer
            case .recruiter, .hiringManager: return .employer
            }
        }
    }
}
