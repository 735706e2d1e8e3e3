import LinkedData
import StrictJSON
import Testing

/// RFC 8785: member order, string escapes and ECMAScript number formatting.
@Suite struct JCSTests {
    static func number(_ text: String) throws -> String {
        try JCS.canonicalString(JSONParser.parse(Array(text.utf8)))
    }

    @Test(arguments: [
        ("0", "0"), ("-0", "0"), ("1", "1"), ("-1.5", "-1.5"), ("4.50", "4.5"), ("2e-3", "0.002"), ("0.1", "0.1"),
        ("123.456", "123.456"), ("1E30", "1e+30"), ("1e21", "1e+21"), ("1e20", "100000000000000000000"),
        ("0.000001", "0.000001"), ("1e-7", "1e-7"), ("0.000000000000000000000000001", "1e-27"),
        ("5e-324", "5e-324"), ("-5e-324", "-5e-324"), ("1.7976931348623157e308", "1.7976931348623157e+308"),
        ("2.2250738585072014e-308", "2.2250738585072014e-308"), ("9007199254740992", "9007199254740992"),
        ("295147905179352825856", "295147905179352830000"), ("9.999999999999997e22", "9.999999999999997e+22"),
        ("1e23", "1e+23"), ("999999999999999700000", "999999999999999700000"), ("333333333.33333329", "333333333.3333333"),
        ("0.30000000000000004", "0.30000000000000004"), ("100", "100"), ("1.0", "1"),
    ])
    func ecmaScriptNumbers(_ input: String, _ expected: String) throws {
        #expect(try Self.number(input) == expected)
    }

    @Test func rfc8785Example() throws {
        let input = #"""
            {"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
             "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
             "literals": [null, true, false]}
            """#
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try JCS.canonicalString(JSONParser.parse(Array(input.utf8))) == expected)
    }

    @Test func membersSortByUTF16CodeUnits() throws {
        // U+1F600 (surrogates D83D DE00) sorts before U+FB01 in UTF-16, though after it by code point.
        let value: JSONValue = ["\u{FB01}": 1, "\u{1F600}": 2, "a": 3, "B": 4]
        #expect(try JCS.canonicalString(value) == "{\"B\":4,\"a\":3,\"\u{1F600}\":2,\"\u{FB01}\":1}")
    }

    @Test func outOfRangeNumberIsAnErrorWithItsPath() throws {
        let value = try JSONParser.parse(Array(#"{"a": [1, 1e400]}"#.utf8))
        #expect(throws: LinkedDataError.unrepresentableNumber("1e400", path: "/a/1")) { try JCS.canonicalize(value) }
    }
}
