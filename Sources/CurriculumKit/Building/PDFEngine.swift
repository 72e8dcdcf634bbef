/// Turns finished HTML files into PDFs. The real engine is WeasyPrint; tests can swap it.
public protocol PDFEngine: Sendable {
    /// Renders every job; returns the jobs that failed with the engine's own words.
    func render(_ jobs: [PDFJob], root: String, jobsInParallel: Int, sourceDateEpoch: Int) -> [PDFFailure]
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

    public init(job: PDFJob?, message: String, isWarning: Bool = false) {
        self.job = job
        self.message = message
        self.isWarning = isWarning
    }
}
