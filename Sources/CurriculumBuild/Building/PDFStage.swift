import Foundation

/// The PDF stage `build` and `packet` share: WeasyPrint turns pages already written into PDFs
/// (in worker processes, each PDF first to a temporary file), its warnings and the layout
/// check's findings are located in the module or template they come from, and each PDF that
/// was made is committed to the store.
struct PDFStage {
    let engine: any PDFEngine
    let notes: PDFNotes
    /// The schema's severities, for WeasyPrint warnings that belong to no page.
    let diagnostics: DiagnosticEngine
    /// The output folder as the user named it, for the paths in findings.
    let out: String
    let jobsInParallel: Int
    let sourceDateEpoch: Int
    let isCancelled: @Sendable () -> Bool
    /// `packet` keeps nothing of a stopped run; `build` commits the PDFs that were finished.
    var discardsWhenCancelled = false

    /// One PDF to make: the page it is made from and the PDF, both relative to the output
    /// folder, and the key its manifest entry is made with.
    struct Page {
        let html: String
        let pdf: String
        let key: String
    }

    /// What the stage did: the PDFs committed (with their manifest entries and the findings kept
    /// with them) and the findings to report.
    struct Outcome {
        var written: [String] = []
        var entries: [String: String] = [:]
        var findings: [String: [BuildManifest.Finding]] = [:]
        var problems: [Diagnostic] = []
    }

    func run(_ pages: [Page], in store: any OutputStore) -> Outcome {
        var outcome = Outcome()
        guard let folder = store.pdfFolder, !pages.isEmpty else { return outcome }
        let jobs = pages.map { page in
            let target = PathUtil.join(folder, page.pdf)
            return PDFJob(html: PathUtil.join(folder, page.html), pdf: target, temporary: AtomicWriter.temporaryPath(for: target))
        }
        let failures = engine.render(jobs, root: folder, jobsInParallel: jobsInParallel, sourceDateEpoch: sourceDateEpoch)
        let failed = Set(failures.filter { !$0.isWarning }.compactMap { $0.job?.pdf })
        for failure in failures where !isCancelled() {
            let where_ = failure.job.map { PathUtil.display(Builder.relative($0.pdf, to: folder, display: out)) } ?? PathUtil.display(out)
            if failure.isWarning, let job = failure.job {
                // Kept with the PDF's manifest entry, so a build that skips it reports it again.
                let pdfPath = Builder.relative(job.pdf, to: folder, display: "")
                let finding = notes.finding(failure, pdf: pdfPath)
                outcome.findings[pdfPath, default: []].append(finding)
                if let diagnostic = notes.diagnostic(finding, pdf: pdfPath) { outcome.problems.append(diagnostic) }
            } else if failure.isWarning {
                outcome.problems += diagnostics.applyingSeverities(to: [BuildRules.pdfWarning.diagnostic(where_, .at(line: 1), failure.message,
                    fix: Fix(summary: "the PDF was written; look at it, and fix the template or print.css rule WeasyPrint names"))])
            } else {
                outcome.problems.append(BuildRules.pdfFailed.diagnostic(where_, .at(line: 1), failure.message,
                    fix: Fix(summary: "the HTML version was written; see WeasyPrint's message above, or build with --no-pdf")))
            }
        }
        for (page, job) in zip(pages, jobs) where !failed.contains(job.pdf) {
            if discardsWhenCancelled && isCancelled() {
                unlink(job.temporary)
                continue
            }
            do {
                outcome.entries[page.pdf] = try store.commit(job.temporary, to: page.pdf, key: page.key)
                outcome.written.append(page.pdf)
            } catch {
                outcome.problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, page.pdf)), .at(line: 1),
                    "could not write the PDF: \(FileError.describe(error))"))
            }
        }
        return outcome
    }
}
