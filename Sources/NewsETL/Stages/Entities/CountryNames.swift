/// The common ways news copy writes the most reported countries and
/// blocs, each mapped to one canonical name, so that "U.S.", "US", "USA"
/// and "America" are one entity. Written by hand for the names that vary
/// in English news; the `aliases` option adds or overrides entries.
enum CountryNames {
    static let canonical: [String: String] = {
        let groups: [(String, [String])] = [
            ("United States", ["U.S.", "US", "U.S.A.", "USA", "America", "United States of America"]),
            ("United Kingdom", ["U.K.", "UK", "Britain", "Great Britain"]),
            ("United Arab Emirates", ["UAE", "U.A.E."]),
            ("Russia", ["Russian Federation"]),
            ("China", ["People's Republic of China", "PRC", "Mainland China", "mainland China"]),
            ("Taiwan", ["Republic of China"]),
            ("South Korea", ["Republic of Korea", "S. Korea", "S.Korea"]),
            ("North Korea", ["Democratic People's Republic of Korea", "DPRK", "N. Korea", "N.Korea"]),
            ("European Union", ["EU", "E.U."]),
            ("United Nations", ["UN", "U.N."]),
            ("Netherlands", ["Holland"]),
            ("Czech Republic", ["Czechia"]),
            ("Ivory Coast", ["Côte d'Ivoire", "Cote d'Ivoire"]),
            ("Myanmar", ["Burma"]),
            ("Democratic Republic of the Congo", ["DR Congo", "DRC", "Congo-Kinshasa"]),
            ("Iran", ["Islamic Republic of Iran"]),
            ("Syria", ["Syrian Arab Republic"]),
            ("Vietnam", ["Viet Nam"]),
            ("Saudi Arabia", ["KSA", "Kingdom of Saudi Arabia"]),
        ]
        var table: [String: String] = [:]
        for (name, variants) in groups { for variant in variants { table[variant] = name } }
        return table
    }()
}
