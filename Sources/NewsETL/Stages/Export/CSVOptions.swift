/// How CSV cells are written for the spreadsheets analysts open them in.
public struct CSVOptions: Sendable, Equatable {
    /// Text cells beginning with `=`, `+`, `-`, `@`, tab or carriage return
    /// get a leading `'`, which a spreadsheet shows as text instead of
    /// running the cell as a formula (OWASP's advice on CSV injection: a
    /// file named `=HYPERLINK(…).txt` would otherwise run). Numbers are
    /// never guarded; JSONL and XML carry the values as they are.
    public var formulaGuard: Bool
    /// A UTF-8 byte-order mark first, so that Excel reads the file as UTF-8
    /// ("£", not "Â£").
    public var excelBOM: Bool

    public init(formulaGuard: Bool = true, excelBOM: Bool = false) {
        self.formulaGuard = formulaGuard
        self.excelBOM = excelBOM
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `text` with a leading `'` when a spreadsheet would take it for a formula.
    static func guarded(_ text: String) -> String {
        guard let first = text.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
        else { return text }
        return "'" + text
    }
}
