// Generated from schema/newsetl.xsd; a test fails when the two differ.
// Re-record with `NEWSETL_RECORD_GOLDEN=1 swift test`.

/// The XML schema of the outputs, built into the binary so `newsetl verify`
/// works from any folder and after `make install`.
public enum BuiltInSchema {
    public static let xsd = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- Schema of NewsETL's XML datasets: documents.xml, rejects.xml, duplicates.xml.
     Each record has one child element per column, in the same order as the CSV
     header and the JSONL keys; an element for a missing value is left out. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">

  <xs:simpleType name="sha256">
    <xs:restriction base="xs:string">
      <xs:pattern value="[0-9a-f]{64}"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="docID">
    <xs:restriction base="xs:string">
      <xs:pattern value="doc-[0-9a-f]{16}"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="format">
    <xs:restriction base="xs:string">
      <xs:enumeration value="text"/>
      <xs:enumeration value="html"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="isoDate">
    <xs:restriction base="xs:string">
      <xs:pattern value="\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+\-]\d{2}:\d{2})?)?"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="similarity">
    <xs:restriction base="xs:decimal">
      <xs:minInclusive value="0"/>
      <xs:maxInclusive value="1"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="entityType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="PER"/>
      <xs:enumeration value="ORG"/>
      <xs:enumeration value="LOC"/>
      <xs:enumeration value="MISC"/>
      <xs:enumeration value="DATE"/>
      <xs:enumeration value="TIME"/>
      <xs:enumeration value="MONEY"/>
      <xs:enumeration value="PERCENT"/>
      <xs:enumeration value="QUANTITY"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="entityID">
    <xs:restriction base="xs:string">
      <xs:pattern value="ent-[0-9a-f]{12}"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="duplicateKind">
    <xs:restriction base="xs:string">
      <xs:enumeration value="exact"/>
      <xs:enumeration value="near"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="rejectReason">
    <xs:restriction base="xs:string">
      <xs:enumeration value="empty"/>
      <xs:enumeration value="binary"/>
      <xs:enumeration value="undecodable"/>
      <xs:enumeration value="too_large"/>
      <xs:enumeration value="unreadable"/>
      <xs:enumeration value="not_regular_file"/>
      <xs:enumeration value="outside_input"/>
      <xs:enumeration value="symlink_to_folder"/>
      <xs:enumeration value="symlink_loop"/>
      <xs:enumeration value="no_text"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:element name="documents">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="document" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="doc_id" type="docID"/>
              <xs:element name="source_path" type="xs:string"/>
              <xs:element name="sha256" type="sha256"/>
              <xs:element name="bytes" type="xs:nonNegativeInteger"/>
              <xs:element name="encoding" type="xs:string"/>
              <xs:element name="format" type="format"/>
              <xs:element name="title" type="xs:string" minOccurs="0"/>
              <xs:element name="published" type="isoDate" minOccurs="0"/>
              <xs:element name="source" type="xs:string" minOccurs="0"/>
              <xs:element name="url" type="xs:string" minOccurs="0"/>
              <xs:element name="word_count" type="xs:nonNegativeInteger"/>
              <xs:element name="cluster_id" type="xs:string" minOccurs="0"/>
              <xs:element name="canonical_id" type="docID" minOccurs="0"/>
              <xs:element name="similarity" type="similarity" minOccurs="0"/>
              <xs:element name="people" type="xs:string" minOccurs="0"/>
              <xs:element name="organizations" type="xs:string" minOccurs="0"/>
              <xs:element name="places" type="xs:string" minOccurs="0"/>
              <xs:element name="text" type="xs:string" minOccurs="0"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
    <xs:unique name="uniqueDocumentID">
      <xs:selector xpath="document"/>
      <xs:field xpath="doc_id"/>
    </xs:unique>
  </xs:element>

  <xs:element name="rejects">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="reject" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="path" type="xs:string"/>
              <xs:element name="reason" type="rejectReason"/>
              <xs:element name="detail" type="xs:string"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <xs:element name="duplicates">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="duplicate" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="doc_id" type="docID"/>
              <xs:element name="source_path" type="xs:string"/>
              <xs:element name="canonical_id" type="docID"/>
              <xs:element name="canonical_path" type="xs:string"/>
              <xs:element name="canonical_run" type="xs:string" minOccurs="0"/>
              <xs:element name="cluster_id" type="xs:string"/>
              <xs:element name="similarity" type="similarity"/>
              <xs:element name="containment" type="similarity"/>
              <xs:element name="kind" type="duplicateKind"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
  <xs:element name="removed">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="paragraph" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="doc_id" type="docID"/>
              <xs:element name="paragraph" type="xs:nonNegativeInteger"/>
              <xs:element name="start" type="xs:nonNegativeInteger"/>
              <xs:element name="end" type="xs:nonNegativeInteger"/>
              <xs:element name="rule" type="xs:string"/>
              <xs:element name="text" type="xs:string"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
  <xs:element name="entities">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="entity" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="doc_id" type="docID"/>
              <xs:element name="entity_id" type="entityID"/>
              <xs:element name="type" type="entityType"/>
              <xs:element name="mention" type="xs:string"/>
              <xs:element name="canonical" type="xs:string"/>
              <xs:element name="start" type="xs:nonNegativeInteger"/>
              <xs:element name="end" type="xs:nonNegativeInteger"/>
              <xs:element name="sentence" type="xs:nonNegativeInteger"/>
              <xs:element name="value" type="xs:string" minOccurs="0"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <xs:element name="entity_summary">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="entity" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="entity_id" type="entityID"/>
              <xs:element name="type" type="entityType"/>
              <xs:element name="name" type="xs:string"/>
              <xs:element name="aliases" type="xs:string"/>
              <xs:element name="documents" type="xs:positiveInteger"/>
              <xs:element name="mentions" type="xs:positiveInteger"/>
              <xs:element name="first_published" type="isoDate" minOccurs="0"/>
              <xs:element name="last_published" type="isoDate" minOccurs="0"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
    <xs:unique name="uniqueEntityID">
      <xs:selector xpath="entity"/>
      <xs:field xpath="entity_id"/>
    </xs:unique>
  </xs:element>
</xs:schema>
"""#
}
