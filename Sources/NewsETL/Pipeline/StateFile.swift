import Foundation

/// One file of state kept across runs: a `BinaryFormat` header, the
/// payload, and the SHA-256 of both. The runner hands these out (see
/// `StateStore`), so a stage never builds a path or a file format: it says
/// how its value is encoded and decoded, and the file does the rest the
/// same way for every stage. A file that is damaged, foreign or of another
/// version is set aside as `<name>.corrupt` and reported; the caller starts
/// over without it. New state is written under a temporary name and put in
/// place by the run's transaction, with the outputs.
public struct StateFile: Sendable {
    public enum Problem: Error, Equatable {
        case missing
        /// Set aside; the detail says what was wrong.
        case damaged(String)
    }

    public let path: String
    let format: BinaryFormat

    init(path: String, format: BinaryFormat) {
        self.path = path
        self.format = format
    }

    /// The decoded value, or why there is none.
    func load<Value>(_ decode: (inout BinaryReader) throws(BinaryReader.Damage) -> Value) -> Result<Value, Problem> {
        // Read once and decoded in place: a state file at a million reports is hundreds of megabytes.
        let bytes: [UInt8]
        do throws(SystemError) {
            let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { throw SystemError("open", path: path) }
            defer { close(descriptor) }
            bytes = try FileSystem.readAll(descriptor, path: path)
        } catch {
            return error.isMissing ? .failure(.missing) : .failure(setAside(error.description))
        }
        do throws(BinaryReader.Damage) {
            let headerLength = try format.checkHeader(bytes)
            guard bytes.count >= headerLength + 32 else { throw BinaryReader.Damage(description: "truncated") }
            var hasher = SHA256()
            hasher.update(bytes[..<(bytes.count - 32)])
            guard hasher.finalize().elementsEqual(bytes[(bytes.count - 32)...]) else {
                throw BinaryReader.Damage(description: "checksum mismatch")
            }
            var reader = BinaryReader(bytes: bytes, position: headerLength, end: bytes.count - 32)
            let value = try decode(&reader)
            guard reader.isAtEnd else { throw BinaryReader.Damage(description: "data after the end at byte \(reader.position)") }
            return .success(value)
        } catch {
            return .failure(setAside(error.description))
        }
    }

    /// Whether the file is there in another version of its format: for a
    /// file that only saves work (a cache), what an upgrade leaves, not damage.
    var isOfAnotherVersion: Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 64)) ?? Data()
        return format.writtenVersion(start).map { $0 != format.version } ?? false
    }

    /// Encodes a value under a temporary name and adds it to `transaction`.
    func save(into transaction: OutputTransaction, _ encode: (inout BinaryWriter) throws -> Void) throws {
        try write(encode).add(to: transaction)
    }

    /// Encodes a value under a temporary name now, streaming (the bytes
    /// are never whole in memory), for a transaction to put in place later:
    /// a stage writes its state when it has it and lets go of it.
    func write(_ encode: (inout BinaryWriter) throws -> Void) throws -> WrittenStateFile {
        try FileSystem.makeFolder((path as NSString).deletingLastPathComponent)
        let file = try AtomicFile(path: path)
        let sink = BinarySink(file: file)
        var writer = BinaryWriter(bytes: format.header, sink: sink)
        try encode(&writer)
        try sink.finish(&writer.bytes)
        return WrittenStateFile(temporaryPath: file.temporaryPath, path: path)
    }

    /// Moves a damaged file out of the way (kept for a person to look at).
    func setAside(_ detail: String) -> Problem {
        do {
            try FileSystem.removeFile(path + ".corrupt")
            try AtomicFile.rename(from: path, to: path + ".corrupt")
            return .damaged("\(detail); set aside as \((path as NSString).lastPathComponent).corrupt")
        } catch {
            return .damaged("\(detail); could not be set aside: \(error)")
        }
    }
}

/// A state file written under its temporary name, waiting for a
/// transaction; removed if it never gets one (the run failed first).
final class WrittenStateFile: @unchecked Sendable {
    private let temporaryPath: String
    private let path: String
    private var added = false

    init(temporaryPath: String, path: String) {
        self.temporaryPath = temporaryPath
        self.path = path
    }

    deinit {
        if !added { AtomicFile.discard(temporaryPath) }
    }

    func add(to transaction: OutputTransaction) {
        transaction.add(temporaryPath, as: path)
        added = true
    }
}

/// The state folder of an output folder, `.state/`, and the files in it:
/// the runner's (ledger, record store, the run's records) and the stages'
/// (`file(_:format:)`). `runs/<run-id>/` keeps each run's new rows.
public struct StateStore: Sendable {
    /// The output folder the state belongs to.
    let output: String

    init(output: String) {
        self.output = output
    }

    var path: String { "\(output)/.state" }
    var ledger: StateFile { file("inputs.bin", format: InputLedger.format) }
    var recordsPath: String { "\(path)/\(RecordStore.fileName)" }
    /// This run's records, before they are merged into the store.
    var runRecordsPath: String { "\(path)/run-records.bin" }
    var runsPath: String { "\(output)/runs" }

    /// A stage's state file `name`; `folder`, relative to the output folder
    /// (validated by the stage's config), replaces `.state` when given.
    func file(_ name: String, format: BinaryFormat, folder: String? = nil) -> StateFile {
        let base = folder.map { PathResolution.resolve($0, against: output) } ?? path
        return StateFile(path: "\(base)/\(name)", format: format)
    }

    /// `base`, or `base-2`, `base-3`… when a run of the same second exists.
    func unusedRunID(_ base: String) -> String {
        var candidate = base
        var suffix = 2
        while FileSystem.exists("\(runsPath)/\(candidate)") {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }
}
