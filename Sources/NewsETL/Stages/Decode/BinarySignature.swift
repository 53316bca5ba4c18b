/// Recognises common binary formats by their first bytes, so that a PDF or a
/// JPEG renamed to `.txt` is rejected with a name for what it is.
enum BinarySignature {
    private static let signatures: [(name: String, magic: [UInt8])] = [
        ("PDF", Array("%PDF-".utf8)),
        ("PNG image", [0x89, 0x50, 0x4E, 0x47]),
        ("JPEG image", [0xFF, 0xD8, 0xFF]),
        ("GIF image", Array("GIF8".utf8)),
        ("ZIP archive", [0x50, 0x4B, 0x03, 0x04]),
        ("gzip", [0x1F, 0x8B]),
        ("bzip2", Array("BZh".utf8)),
        ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        ("7-Zip archive", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        ("ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
        ("SQLite database", Array("SQLite format 3".utf8)),
        ("Microsoft Office (OLE)", [0xD0, 0xCF, 0x11, 0xE0]),
        ("WebAssembly", [0x00, 0x61, 0x73, 0x6D]),
    ]

    static func match(_ bytes: [UInt8]) -> String? {
        signatures.first { bytes.starts(with: $0.magic) }?.name
    }
}
