/// Layout facts about one paragraph of a decoded HTML page, kept so the
/// clean stage can judge the paragraph by where it sat on the page, not
/// only by its words. Paragraph `i` of an HTML document's text is block `i`.
public struct TextBlock: Sendable, Equatable {
    /// The innermost block-level element around the text (`p`, `li`, `h2`, `td`, `div`, …).
    public var tag: String
    /// Characters of the block's text (Unicode scalars).
    public var characters: Int
    /// Characters of the text that sat inside links.
    public var linkCharacters: Int
    /// Ids (document order) of the elements enclosing the block, outermost first.
    public var ancestors: [Int32]
    /// For each ancestor, what its tag, class and id suggest (`LayoutHint`).
    public var ancestorHints: [LayoutHint]
    /// Position in `ancestors` of the element named by `tag`.
    public var blockDepth: Int

    public init(tag: String, characters: Int, linkCharacters: Int, ancestors: [Int32], ancestorHints: [LayoutHint], blockDepth: Int) {
        self.tag = tag
        self.blockDepth = blockDepth
        self.characters = characters
        self.linkCharacters = linkCharacters
        self.ancestors = ancestors
        self.ancestorHints = ancestorHints
    }

    public var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }
}

/// What an element's tag, `class` and `id` say about the content inside it.
public struct LayoutHint: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Article text is likely inside (`article`, `main`, class "story-body", …).
    public static let content = LayoutHint(rawValue: 1 << 0)
    /// Comment sections and their forms.
    public static let comments = LayoutHint(rawValue: 1 << 1)
    /// Related articles, "most read", recommendations.
    public static let related = LayoutHint(rawValue: 1 << 2)
    /// Navigation, menus, breadcrumbs, pagination.
    public static let navigation = LayoutHint(rawValue: 1 << 3)
    /// Share and follow bars.
    public static let social = LayoutHint(rawValue: 1 << 4)
    /// Sidebars and asides.
    public static let sidebar = LayoutHint(rawValue: 1 << 5)
    /// Page header and footer, copyright, legal.
    public static let chrome = LayoutHint(rawValue: 1 << 6)
    /// Advertising, promotions, newsletters, cookie banners.
    public static let promotion = LayoutHint(rawValue: 1 << 7)
    /// Figure captions and photo credits.
    public static let figure = LayoutHint(rawValue: 1 << 8)
    /// Forms, buttons, inputs.
    public static let form = LayoutHint(rawValue: 1 << 9)

    /// Every hint that marks content other than the article.
    public static let boilerplate: LayoutHint = [.comments, .related, .navigation, .social, .sidebar, .chrome, .promotion, .form]
}
