/// The files of one run being written. Nothing is visible under its final
/// name until `commit`; `abort` (or dropping the session) removes the
/// temporary files and leaves the previous outputs as they were.
public final class ExportSession {
    private let includeText: Bool
    private let folder: String
    private var documentWriters: [any DatasetWriter] = []
    private var rejectWriters: [any DatasetWriter] = []
    private var duplicateWriters: [any DatasetWriter] = []
    private var removedWriters: [any DatasetWriter] = []
    private var entityWriters: [any DatasetWriter] = []
    private var summaryWriters: [any DatasetWriter] = []
    private var summary = EntitySummary()
    private var committed = false

    init(stage: ExportStage, folder: String, includeRemoved: Bool, includeEntities: Bool) throws {
        self.includeText = stage.includeText
        self.folder = folder
        do {
            for format in stage.formats {
                documentWriters.append(try format.makeWriter(for: Datasets.documents(includeText: includeText), folder: folder))
                rejectWriters.append(try format.makeWriter(for: Datasets.rejects, folder: folder))
                duplicateWriters.append(try format.makeWriter(for: Datasets.duplicates, folder: folder))
                if includeRemoved { removedWriters.append(try format.makeWriter(for: Datasets.removed, folder: folder)) }
                if includeEntities {
                    entityWriters.append(try format.makeWriter(for: Datasets.entities, folder: folder))
                    summaryWriters.append(try format.makeWriter(for: Datasets.entitySummary, folder: folder))
                }
            }
        } catch {
            abort()
            throw error
        }
    }

    deinit {
        if !committed { abort() }
    }

    /// Every file the session writes, by final path.
    public var outputPaths: [String] {
        allWriters.map(\.finalPath) + [manifestPath]
    }

    private var allWriters: [any DatasetWriter] {
        documentWriters + rejectWriters + duplicateWriters + removedWriters + entityWriters + summaryWriters
    }

    private var manifestPath: String { "\(folder)/manifest.json" }

    public func write(_ document: Document) throws {
        let row = Datasets.row(document, includeText: includeText)
        for writer in documentWriters { try writer.write(row) }
        if !entityWriters.isEmpty {
            for record in document.entities {
                let entityRow = Datasets.row(record, of: document)
                for writer in entityWriters { try writer.write(entityRow) }
            }
            summary.add(document)
        }
        guard !removedWriters.isEmpty else { return }
        for paragraph in document.removed {
            let removedRow = Datasets.row(paragraph, of: document)
            for writer in removedWriters { try writer.write(removedRow) }
        }
    }

    public func write(_ rejection: Rejection) throws {
        let row = Datasets.row(rejection)
        for writer in rejectWriters { try writer.write(row) }
    }

    public func write(_ duplicate: DuplicateRecord) throws {
        let row = Datasets.row(duplicate)
        for writer in duplicateWriters { try writer.write(row) }
    }

    /// Closes every dataset and writes the manifest, then renames all files
    /// into place, the manifest last, so a manifest always describes
    /// complete data. With a `transaction`, the renames are left to its
    /// commit instead, together with the run's other files.
    public func commit(manifest: [UInt8]) throws {
        try commit(manifest: manifest, into: nil)
    }

    func commit(manifest: [UInt8], into transaction: OutputTransaction?) throws {
        for row in summary.rows() {
            for writer in summaryWriters { try writer.write(row) }
        }
        let writers = allWriters
        for writer in writers { try writer.finish() }
        let manifestFile = try AtomicFile(path: manifestPath)
        try manifestFile.write(manifest)
        try manifestFile.close()
        let renames = writers.map { ($0.temporaryPath, $0.finalPath) } + [(manifestFile.temporaryPath, manifestPath)]
        if let transaction {
            for (temporary, final) in renames { transaction.add(temporary, as: final) }
        } else {
            for (temporary, final) in renames { try AtomicFile.rename(from: temporary, to: final) }
        }
        committed = true
    }

    /// Removes every temporary file of the session.
    public func abort() {
        for writer in allWriters { AtomicFile.discard(writer.temporaryPath) }
        AtomicFile.discard(AtomicFile.temporaryPath(for: manifestPath))
    }
}
