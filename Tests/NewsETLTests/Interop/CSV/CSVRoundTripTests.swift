import Testing
@testable import NewsETL

@Suite struct CSVRoundTripTests {
    static let alphabet: [String] = ["a", "Z", "7", " ", ",", "\"", "\n", "\r\n", "\r", "\t", "é", "’", "“", "🌊", "Ж", "\u{00A0}", ";", "'", "\\", "#"]

    static func randomField(_ generator: inout SplitMix) -> String {
        let length = Int.random(in: 0...12, using: &generator)
        return (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    @Test func writeThenParseIsTheIdentity() throws {
        var generator = SplitMix(seed: 2025)
        for _ in 0..<300 {
            let width = Int.random(in: 1...6, using: &generator)
            let records = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                (0..<width).map { _ in CSVRoundTripTests.randomField(&generator) }
            }
            var bytes: [UInt8] = []
            for record in records { CSVRecordEncoder.append(record, to: &bytes) }
            #expect(try CSVParser.parse(bytes) == records)
        }
    }

    @Test func quotesEveryFieldAndEndsRecordsWithCRLF() {
        var bytes: [UInt8] = []
        CSVRecordEncoder.append(["a", "say \"hi\"", ""], to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\"a\",\"say \"\"hi\"\"\",\"\"\r\n")
    }

    @Test func keepsSpacesAroundUnquotedFieldsAndReportsBadQuoting() throws {
        #expect(try CSVParser.parse(Array(" a , b \r\n".utf8)) == [[" a ", " b "]])
        #expect(throws: CSVParseError.self) { try CSVParser.parse(Array("\"open,field\r\n".utf8)) }
        #expect(throws: CSVParseError.self) { try CSVParser.parse(Array("\"a\"b,c\r\n".utf8)) }
    }
}
