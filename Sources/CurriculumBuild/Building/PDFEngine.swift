/// Turns finished HTML files into PDFs. The real engine is WeasyPrint; tests can swap it.
public protocol PDFEngine: Sendable {
    /// Renders every job; returns the jobs that failed with the engine's own words.
    func render(_ jobs: [PDFJob], root: String, jobsInParallel: Int, sourceDateEpoch: Int) -> [PDFFailure]
    /// Why the engine cannot run as installed, with what to do; nil when it can.
    var setupProblem: String? { get }
}

extension PDFEngine {
    public var setupProblem: String? { nil }
}

/// One document: HTML in, PDF out (written to `temporary`, renamed by the caller).
public struct PDFJob: Sendable, Hashable {
    public let html: String
    public let pdf: String
    public let temporary: String

    public init(html: String, pdf: String, temporary: String) {
        self.html = html
        self.pdf = pdf
        self.temporary = temporary
    }
}

/// A document WeasyPrint could not make, or (`isWarning`) made while printing a warning.
public struct PDFFailure: Sendable, Error {
    public let job: PDFJob?
    public let message: String
    /// The PDF was made; WeasyPrint's warning is passed on.
    public let isWarning: Bool
    /// A finding of the layout check (a warning) rather than WeasyPrint's own words.
    public let layout: LayoutFinding?

    public init(job: PDFJob?, message: String, isWarning: Bool = false, layout: LayoutFinding? = nil) {
        self.job = job
        self.message = message
        self.isWarning = isWarning
        self.layout = layout
    }
}

/// What the layout check found on a laid-out page (`layout.*` rules), and the element that made
/// it: a module line (the renderer writes `data-module` and `data-src-line`), or what a template
/// wrote (its tag, class and text), which the build finds in the template file.
public struct LayoutFinding: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        case module(id: String, line: Int)
        case template(tag: String, classes: String, text: String)
    }

    public let rule: String
    /// 1-based page of the PDF.
    public let page: Int
    /// What is wrong, without the document's name (the build adds it).
    public let message: String
    public let origin: Origin

    public init(rule: String, page: Int, message: String, origin: Origin) {
        self.rule = rule
        self.page = page
        self.message = message
        self.origin = origin
    }

    /// From the engine's answer; nil for anything malformed or a rule the tool does not know.
    init?(json: [String: Any]) {
        guard let rule = json["rule"] as? String, LayoutRules.all.contains(where: { $0.id == rule }),
              let page = json["page"] as? Int, let message = json["message"] as? String else { return nil }
        if let module = json["module"] as? String {
            origin = .module(id: module, line: max(json["line"] as? Int ?? 1, 1))
        } else if let template = json["template"] as? [String: Any] {
            origin = .template(tag: template["tag"] as? String ?? "", classes: template["class"] as? String ?? "", text: template["text"] as? String ?? "")
        } else {
            return nil
        }
        self.rule = rule
        self.page = page
        self.message = message
    }
}
