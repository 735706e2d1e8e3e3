import StrictJSON
import Testing

@Suite struct JSONParserTests {
    @Test func keepsMemberOrderAndNumberText() throws {
        let value = try JSONParser.parse(#"{"b":1.50,"a":[true,null,"x"],"c":-0e0}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["b", "a", "c"])
        #expect(value["b"]?.numberValue?.text == "1.50")
        #expect(value["c"]?.numberValue?.text == "-0e0")
        #expect(value["a"] == [true, nil, "x"])
        #expect(value.serialized() == #"{"b":1.50,"a":[true,null,"x"],"c":-0e0}"#)
    }

    @Test func booleansAreNotNumbers() throws {
        let value = try JSONParser.parse("[true, 1]")
        #expect(value.arrayValue?[0].boolValue == true)
        #expect(value.arrayValue?[0].numberValue == nil)
        #expect(value.arrayValue?[1].numberValue?.intValue == 1)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#""a\u00e9\n\ud83d\ude00\/""#)
        #expect(value.stringValue == "aé\n😀/")
    }

    @Test func serializesOnlyTheRequiredEscapes() throws {
        let text = "plain é 😀 \"quoted\" back\\slash\u{08}\u{0C}\n\r\t\u{01}\u{1F} / end"
        let serialized = JSONValue.string(text).serialized()
        #expect(serialized == #""plain é 😀 \"quoted\" back\\slash\b\f\n\r\t\u0001\u001f / end""#)
        #expect(try JSONParser.parse(serialized).stringValue == text)
        #expect(JSONValue.string("").serialized() == #""""#)
        #expect(JSONValue.string("\n").serialized() == #""\n""#)
        #expect(JSONValue.object(["k\"ey": "v"]).serialized() == #"{"k\"ey":"v"}"#)
    }

    @Test(arguments: [
        (#"{"a":1,"a":2}"#, JSONParseError.Reason.duplicateKey("a"), "/a"),
        (#"{"a":"\ud800"}"#, .unpairedSurrogate, "/a"),
        (#"{"a":[1,2,]}"#, .unexpectedCharacter("']'"), "/a/2"),
        (#"{"a":01}"#, .unexpectedCharacter("'1'"), ""),
        (#"[1] x"#, .trailingContent, ""),
        ("", .empty, ""),
        (#"{"a":"x"#, .unexpectedEnd, "/a"),
        (#"{"a":"\q"}"#, .invalidEscape, "/a"),
        ("[-]", .invalidNumber, "/0"),
    ])
    func rejectsMalformedInputWithItsLocation(input: String, reason: JSONParseError.Reason, pointer: String) {
        #expect {
            _ = try JSONParser.parse(input)
        } throws: { error in
            guard let e = error as? JSONParseError else { return false }
            return e.reason == reason && e.pointer.description == pointer
        }
    }

    @Test func rejectsInvalidUTF8() {
        let bytes: [UInt8] = Array(#"{"name":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        do {
            _ = try JSONParser.parse(bytes)
        } catch {
            #expect(error.reason == .invalidUTF8)
            #expect(error.pointer.description == "/name")
        }
    }

    @Test func enforcesLimits() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let limits = JSONLimits(maxDepth: 8, maxStringBytes: 4, maxArrayCount: 2, maxObjectMembers: 1)
        for (input, reason) in [
            (#"["abcde"]"#, JSONParseError.Reason.stringTooLong(max: 4)),
            ("[1,2,3]", .arrayTooLong(max: 2)),
            (#"{"a":1,"b":2}"#, .tooManyMembers(max: 1)),
        ] {
            do {
                _ = try JSONParser.parse(input, limits: limits)
                Issue.record("accepted \(input)")
            } catch {
                #expect(error.reason == reason)
            }
        }
    }

    @Test func pointersEscapeAndResolve() throws {
        let value = try JSONParser.parse(#"{"a/b":{"m~n":[10,20]}}"#)
        let pointer = JSONPointer.root / "a/b" / "m~n" / 1
        #expect(pointer.description == "/a~1b/m~0n/1")
        #expect(value.value(at: pointer) == 20)
        #expect(JSONPointer(parsing: "/a~1b/m~0n/1") == pointer)
    }

    @Test func objectEqualityIgnoresOrder() throws {
        let a = try JSONParser.parse(#"{"x":1,"y":[1,2]}"#)
        let b = try JSONParser.parse(#"{"y":[1,2],"x":1.0}"#)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }

    @Test func largeObjectsLookUpEveryKey() throws {
        let members = (0..<100).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let value = try JSONParser.parse("{\(members)}")
        for i in 0..<100 { #expect(value["k\(i)"]?.numberValue?.intValue == i) }
        var object = try #require(value.objectValue)
        object["k50"] = nil
        #expect(object["k50"] == nil)
        #expect(object["k99"] == 99)
        #expect(object.count == 99)
    }
}
