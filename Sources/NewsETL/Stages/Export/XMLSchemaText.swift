/// The XML schema of the XML datasets, generated from `Datasets`: one
/// simple type per `ValueDomain`, one element per dataset with one child
/// per column in column order, optional where the column is nullable, and
/// a uniqueness constraint on the dataset's key. `schema/newsetl.xsd` is
/// this text, checked in for people and other tools (a test keeps it
/// current); `newsetl verify` uses the text built into the binary.
public enum XMLSchemaText {
    public static let xsd = generate(Datasets.all)

    static func generate(_ datasets: [Dataset]) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<!-- Schema of NewsETL's XML datasets (\(datasets.map { "\($0.name).xml" }.joined(separator: ", "))).",
            "     Generated from Sources/NewsETL/Stages/Export/Datasets.swift: do not edit; a test",
            "     rewrites it (and fails once) when the declaration changes. Each record has one",
            "     child element per column, in the order of the CSV header and the JSONL keys;",
            "     the element of a missing value is left out. -->",
            #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">"#,
        ]
        var domains: [ValueDomain] = []
        for column in datasets.flatMap(\.columns) {
            if let domain = column.domain, !domains.contains(where: { $0.name == domain.name }) { domains.append(domain) }
        }
        for domain in domains {
            lines.append("")
            lines.append(contentsOf: simpleType(domain))
        }
        for dataset in datasets {
            lines.append("")
            lines.append(contentsOf: element(dataset))
        }
        lines.append("</xs:schema>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func simpleType(_ domain: ValueDomain) -> [String] {
        let (base, facets): (String, [String]) = switch domain.rule {
        case .pattern(let pattern): ("xs:string", [#"<xs:pattern value="\#(escaped(pattern))"/>"#])
        case .oneOf(let values): ("xs:string", values.map { #"<xs:enumeration value="\#(escaped($0))"/>"# })
        case .range(let low, let high):
            ("xs:decimal", [#"<xs:minInclusive value="\#(low)"/>"#, #"<xs:maxInclusive value="\#(high)"/>"#])
        case .atLeast(let minimum): ("xs:integer", [#"<xs:minInclusive value="\#(minimum)"/>"#])
        }
        return [#"  <xs:simpleType name="\#(domain.name)">"#, #"    <xs:restriction base="\#(base)">"#]
            + facets.map { "      " + $0 }
            + ["    </xs:restriction>", "  </xs:simpleType>"]
    }

    private static func element(_ dataset: Dataset) -> [String] {
        var lines = [
            #"  <xs:element name="\#(dataset.name)">"#,
            "    <xs:complexType>",
            "      <xs:sequence>",
            #"        <xs:element name="\#(dataset.recordElement)" minOccurs="0" maxOccurs="unbounded">"#,
            "          <xs:complexType>",
            "            <xs:sequence>",
        ]
        for column in dataset.columns {
            let optional = column.nullable ? #" minOccurs="0""# : ""
            lines.append(#"              <xs:element name="\#(column.name)" type="\#(typeName(column))"\#(optional)/>"#)
        }
        lines += ["            </xs:sequence>", "          </xs:complexType>", "        </xs:element>", "      </xs:sequence>",
                  "    </xs:complexType>"]
        if !dataset.key.isEmpty {
            lines += [#"    <xs:unique name="unique_\#(dataset.name)_\#(dataset.key.joined(separator: "_"))">"#,
                      #"      <xs:selector xpath="\#(dataset.recordElement)"/>"#]
            lines += dataset.key.map { #"      <xs:field xpath="\#($0)"/>"# }
            lines.append("    </xs:unique>")
        }
        lines.append("  </xs:element>")
        return lines
    }

    private static func typeName(_ column: Dataset.Column) -> String {
        if let domain = column.domain { return domain.name }
        switch column.type {
        case .string, .list, .date, .timestamp: return "xs:string"
        case .integer: return "xs:integer"
        case .number: return "xs:decimal"
        case .boolean: return "xs:boolean"
        }
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
