import Foundation
import StrictJSON

/// One-character edits of a signed credential (JSON with an embedded proof, or a compact JWS), made the way a forger would:
/// the content changes, the proof is left as it was — or the proof alone changes. Shared by the verifier's tests and the
/// service's.
public enum FixtureTampering {
    public enum Edit: String, CaseIterable, Sendable, CustomStringConvertible {
        case name, date, url, proofValue

        public var description: String { rawValue }
    }

    /// The tampered document, or `nil` when it has nothing this edit could change.
    public static func tamper(_ bytes: [UInt8], _ edit: Edit) -> [UInt8]? {
        if let object = (try? JSONParser.parse(bytes))?.objectValue {
            return tamper(object, edit).map { JSONValue.object($0).serializedBytes() }
        }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return tamper(jwt: text, edit).map { Array($0.utf8) }
    }

    /// A credential, or the first member of a CLR (where each member is a credential of its own).
    public static func tamper(_ credential: JSONObject, _ edit: Edit) -> JSONObject? {
        let types = (credential["type"]?.asList ?? []).compactMap(\.stringValue)
        if types.contains("ClrCredential") {
            guard var subject = credential["credentialSubject"]?.objectValue, var members = subject["verifiableCredential"]?.arrayValue,
                let first = members.first
            else { return nil }
            if let object = first.objectValue, let changed = tamper(object, edit) {
                members[0] = .object(changed)
            } else if let jwt = first.stringValue, let changed = tamper(jwt: jwt, edit) {
                members[0] = .string(changed)
            } else {
                return nil
            }
            subject["verifiableCredential"] = .array(members)
            var copy = credential
            copy["credentialSubject"] = .object(subject)
            return copy
        }
        var copy = credential
        switch edit {
        case .name:
            let paths = [["credentialSubject", "achievement", "name"], ["name"], ["issuer", "name"]]
            return paths.contains { change(&copy, at: $0, position: { $0.count / 2 }) } ? copy : nil
        case .date:
            // The last digit of the day: still a valid date, one day later.
            return change(&copy, at: ["validFrom"], position: { _ in 9 }) || change(&copy, at: ["issuanceDate"], position: { _ in 9 }) ? copy : nil
        case .url:
            let paths = [["evidence", "id"], ["credentialSubject", "achievement", "id"], ["credentialSubject", "id"], ["id"]]
            return paths.contains { change(&copy, at: $0, position: { $0.count - 2 }) } ? copy : nil
        case .proofValue:
            guard let proofs = credential["proof"] else { return nil }
            let changed = proofs.asList.map { proof -> JSONValue in
                guard var object = proof.objectValue else { return proof }
                return change(&object, at: ["proofValue"], position: { _ in 12 }) || change(&object, at: ["jws"], position: { $0.count - 20 })
                    ? .object(object) : proof
            }
            copy["proof"] = proofs.arrayValue == nil ? changed.first : .array(changed)
            return copy
        }
    }

    /// A compact JWS with its payload's credential edited (signature kept), or with one character of the signature changed.
    public static func tamper(jwt: String, _ edit: Edit) -> String? {
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return nil }
        let payload = decode(parts[1]).flatMap({ try? JSONParser.parse($0) })?.objectValue
        let credential = payload?["vc"]?.objectValue ?? payload
        let isCLR = (credential?["type"]?.asList ?? []).contains { $0.stringValue == "ClrCredential" }
        // A CLR's members are credentials of their own, genuine without the CLR's signature: the edit goes to a member.
        if edit == .proofValue && !isCLR {
            // A middle character: the last one of a base64url signature may carry only padding bits.
            var signature = Array(parts[2])
            let index = signature.count / 2
            signature[index] = signature[index] == "A" ? "B" : "A"
            return parts[0] + "." + parts[1] + "." + String(signature)
        }
        guard let payload else { return nil }
        var changed = payload
        if let inner = payload["vc"]?.objectValue {
            guard let edited = tamper(inner, edit) else { return nil }
            changed["vc"] = .object(edited)
        } else {
            guard let edited = tamper(payload, edit) else { return nil }
            changed = edited
        }
        return parts[0] + "." + encode(JSONValue.object(changed).serializedBytes()) + "." + parts[2]
    }

    private static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ base64URL: String) -> [UInt8]? {
        var text = base64URL.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return Data(base64Encoded: text).map(Array.init)
    }

    /// Replaces one character of the string at `path` (descending into the first element of arrays); false when absent.
    private static func change(_ object: inout JSONObject, at path: [String], position: (String) -> Int) -> Bool {
        guard let first = path.first else { return false }
        if path.count == 1 {
            guard let text = object[first]?.stringValue, !text.isEmpty else { return false }
            var characters = Array(text)
            let index = max(0, min(position(text), characters.count - 1))
            characters[index] = characters[index] == "1" ? "2" : (characters[index].isNumber ? "1" : (characters[index] == "a" ? "b" : "a"))
            object[first] = .string(String(characters))
            return true
        }
        if var child = object[first]?.objectValue {
            guard change(&child, at: Array(path.dropFirst()), position: position) else { return false }
            object[first] = .object(child)
            return true
        }
        if var list = object[first]?.arrayValue, var child = list.first?.objectValue {
            guard change(&child, at: Array(path.dropFirst()), position: position) else { return false }
            list[0] = .object(child)
            object[first] = .array(list)
            return true
        }
        return false
    }
}
