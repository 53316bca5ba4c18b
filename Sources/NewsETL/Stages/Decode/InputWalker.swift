#if canImport(Glibc)
import Glibc
#endif

/// Lists the input files of a run in a stable order.
///
/// Walks the folder recursively, skipping hidden entries. Regular files and
/// symlinks to regular files inside the folder become inputs; a symlink that
/// leaves the folder, a FIFO, socket or device becomes an input that is
/// rejected without ever being opened. Symlinks to folders are not followed:
/// inside the folder they would list the same files twice, outside it they
/// would leave it.
public struct InputWalker: Sendable {
    public let options: InputOptions

    public init(options: InputOptions) {
        self.options = options
    }

    /// Why the input folder itself cannot be walked.
    public struct FolderError: Error, CustomStringConvertible {
        public let description: String
    }

    /// All inputs, sorted by relative path (byte order of UTF-8).
    public func walk() throws -> [InputFile] {
        let root = options.path
        let rootStatus: FileSystem.Status
        let rootReal: String
        do {
            rootStatus = try FileSystem.targetStatus(root)
            rootReal = try FileSystem.realPath(root)
        } catch {
            throw FolderError(description: "input folder \(root): \(error.message)")
        }
        guard rootStatus.kind == .directory else {
            throw FolderError(description: "input folder \(root): not a folder")
        }
        var files: [InputFile] = []
        visit(directory: rootReal, relativePrefix: "", rootReal: rootReal, into: &files)
        files.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        return files
    }

    private func visit(directory: String, relativePrefix: String, rootReal: String, into files: inout [InputFile]) {
        let names: [String]
        do {
            names = try FileSystem.listDirectory(directory)
        } catch {
            files.append(InputFile(relativePath: String(relativePrefix.dropLast()), absolutePath: directory,
                                   problem: .unreadable, problemDetail: "cannot list folder: \(error.message)"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let absolute = directory + "/" + name
            let relative = relativePrefix + name
            let status: FileSystem.Status
            do {
                status = try FileSystem.linkStatus(absolute)
            } catch {
                add(InputFile(relativePath: relative, absolutePath: absolute, problem: .unreadable,
                              problemDetail: error.message), to: &files)
                continue
            }
            switch status.kind {
            case .directory:
                visit(directory: absolute, relativePrefix: relative + "/", rootReal: rootReal, into: &files)
            case .regular:
                add(InputFile(relativePath: relative, absolutePath: absolute), to: &files)
            case .symlink:
                add(resolveLink(absolute, relative: relative, rootReal: rootReal), to: &files)
            case .fifo, .socket, .device, .other:
                add(InputFile(relativePath: relative, absolutePath: absolute, problem: .notRegularFile,
                              problemDetail: "not a regular file (\(describe(status.kind)))"), to: &files)
            }
        }
    }

    private func resolveLink(_ absolute: String, relative: String, rootReal: String) -> InputFile? {
        guard let target = try? FileSystem.realPath(absolute) else {
            return InputFile(relativePath: relative, absolutePath: absolute, problem: .unreadable,
                             problemDetail: "broken symlink")
        }
        guard target.hasPrefix(rootReal + "/") else {
            return InputFile(relativePath: relative, absolutePath: absolute, problem: .outsideInput,
                             problemDetail: "symlink points outside the input folder")
        }
        guard let status = try? FileSystem.targetStatus(target) else {
            return InputFile(relativePath: relative, absolutePath: absolute, problem: .unreadable,
                             problemDetail: "symlink target cannot be read")
        }
        switch status.kind {
        case .regular:
            return InputFile(relativePath: relative, absolutePath: target)
        case .directory:
            return nil
        default:
            return InputFile(relativePath: relative, absolutePath: absolute, problem: .notRegularFile,
                             problemDetail: "symlink to a \(describe(status.kind))")
        }
    }

    private func add(_ file: InputFile?, to files: inout [InputFile]) {
        guard let file, isSelected(file.relativePath) else { return }
        files.append(file)
    }

    /// Whether the include and exclude patterns select `relativePath`.
    public func isSelected(_ relativePath: String) -> Bool {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        func matches(_ pattern: String) -> Bool {
            fnmatch(pattern, pattern.contains("/") ? relativePath : name, 0) == 0
        }
        return options.include.contains(where: matches) && !options.exclude.contains(where: matches)
    }

    private func describe(_ kind: FileSystem.Kind) -> String {
        switch kind {
        case .fifo: return "a FIFO"
        case .socket: return "a socket"
        case .device: return "a device"
        case .directory: return "a folder"
        default: return "a special file"
        }
    }
}
