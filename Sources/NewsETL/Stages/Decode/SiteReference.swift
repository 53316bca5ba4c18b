/// Whether a piece of page text is the site's own name, which then is
/// neither part of a headline nor an author.
enum SiteReference {
    /// "The Washington Post" for og:site_name "The Washington Post" or the
    /// domain washingtonpost.com; "BBC News" for bbc.co.uk.
    static func names(_ text: String, siteName: String?, domain: String?) -> Bool {
        if isWebAddress(text) { return true }
        let letters = text.lowercased().filter { $0.isLetter || $0.isNumber }
        guard !letters.isEmpty else { return false }
        if let siteName, siteName.lowercased().filter({ $0.isLetter || $0.isNumber }) == letters { return true }
        guard let label = domain.flatMap({ label(of: $0) }), label.count >= 3 else { return false }
        return letters == label || (letters.hasPrefix(label) && text.split(separator: " ").count <= 3)
    }

    /// The registered name of a domain: `washingtonpost` of
    /// washingtonpost.com, `bbc` of news.bbc.co.uk.
    static func label(of domain: String) -> String? {
        var labels = domain.split(separator: ".").map(String.init)
        guard labels.count >= 2 else { return nil }
        labels.removeLast()
        if let last = labels.last, labels.count >= 2, ["co", "com", "org", "net", "ac", "gov", "ne", "or"].contains(last) {
            labels.removeLast()
        }
        return labels.last?.filter { $0.isLetter || $0.isNumber }
    }

    /// "CNN.com", "www.kansascity.com", "smh.com.au": a site named by its address.
    static func isWebAddress(_ text: String) -> Bool {
        guard !text.contains(" "), URLDomain.of("http://" + text) != nil else { return false }
        let topLevel = text.lowercased().split(separator: ".").last ?? ""
        return (2...4).contains(topLevel.count) && topLevel.allSatisfy(\.isLetter)
    }
}
