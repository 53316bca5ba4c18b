/// Turns the paths a user writes (in the config or on the command line) into
/// one spelling per folder, so that prefix tests between the output, state
/// and input folders are exact: no trailing slash, no `.` or empty
/// components, `..` folded where it can be.
public enum PathResolution {
    /// `path` itself when absolute, else `path` inside `directory`; normalised.
    public static func resolve(_ path: String, against directory: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty || directory == "." { return normalize(path) }
        return normalize(directory + "/" + path)
    }

    /// `a//b/./c/../d/` → `a/b/d`; `/..` → `/`; `""` → `.`. Leading `..` of
    /// a relative path stay (they name a folder above the current one).
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Whether `path` names a place inside `folder` (both normalised).
    public static func isInside(_ path: String, folder: String) -> Bool {
        if folder == "/" { return path.hasPrefix("/") && path != "/" }
        return path.hasPrefix(folder + "/")
    }

    /// A relative path that stays below its base folder: no leading `/`, no
    /// `..` that climbs out, not empty. Returns the normalised path, or nil.
    public static func confined(_ path: String) -> String? {
        guard !path.hasPrefix("/") else { return nil }
        let normalized = normalize(path)
        guard normalized != ".", normalized != "..", !normalized.hasPrefix("../") else { return nil }
        return normalized
    }
}
