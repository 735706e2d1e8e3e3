import CredenceServer
import Foundation
import StrictJSON
import Testing

@Suite struct OpenAPIDocumentTests {
    /// The document and the router must describe the same API: a route missing from either side fails.
    @Test func documentsExactlyTheRoutesThatExist() async throws {
        try await TestApp.run { client, service in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try response.json
            #expect(document["openapi"] == "3.1.0")
            let paths = try #require(document["paths"]?.objectValue)
            var documented = Set<String>()
            for (path, item) in paths {
                for (method, _) in try #require(item.objectValue) where ["get", "put", "post", "delete", "patch"].contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            let registered = Set(service.routes.all.map { "\($0.method.rawValue) \($0.path)" })
            #expect(registered.subtracting(documented).sorted() == [], "routes missing from openapi.json")
            #expect(documented.subtracting(registered).sorted() == [], "documented routes that do not exist")
        }
    }
}
