import CurriculumBuild
import Foundation

/// Makes the PDF of a served page when someone asks for it (the toolbar's PDF link), off the
/// edit-to-reload path: WeasyPrint takes seconds, a rebuild of the HTML milliseconds. PDFs go
/// to a folder of their own, so the build folder stays exactly what `build --no-pdf` writes.
/// A PDF is made again only when its page changed; two requests for the same page share one run.
package final class PDFPreview: Sendable {
    private let engine: any PDFEngine
    private let buildFolder: String
    private let pdfFolder: String
    private let made = Locked([String: (digest: String, task: Task<Result<String, PDFPreviewError>, Never>)]())

    package init(engine: any PDFEngine, buildFolder: String, pdfFolder: String) {
        self.engine = engine
        self.buildFolder = buildFolder
        self.pdfFolder = pdfFolder
    }

    /// The PDF file of the built page `html` (its path in the build), made now if needed.
    package func pdf(of html: String, htmlFile: String) async -> Result<String, PDFPreviewError> {
        guard let bytes = FileManager.default.contents(atPath: htmlFile) else { return .failure(PDFPreviewError(message: "the page is not built")) }
        var hasher = ContentHasher()
        hasher.add(bytes)
        let digest = hasher.hexDigest
        let target = PathUtil.join(pdfFolder, String(html.dropLast(5)) + ".pdf")
        let task = made.withValue { made -> Task<Result<String, PDFPreviewError>, Never> in
            if let earlier = made[html], earlier.digest == digest { return earlier.task }
            let task = Task.detached { [engine, buildFolder] () -> Result<String, PDFPreviewError> in
                do {
                    try FileManager.default.createDirectory(atPath: PathUtil.directory(of: target), withIntermediateDirectories: true)
                } catch {
                    return .failure(PDFPreviewError(message: "could not prepare the PDF: \(FileError.describe(error))"))
                }
                let job = PDFJob(html: htmlFile, pdf: target, temporary: AtomicWriter.temporaryPath(for: target))
                let failures = engine.render([job], root: buildFolder, jobsInParallel: 1, sourceDateEpoch: 0)
                if let failure = failures.first(where: { !$0.isWarning }) {
                    try? FileManager.default.removeItem(atPath: job.temporary)
                    return .failure(PDFPreviewError(message: failure.message))
                }
                do {
                    try AtomicWriter.commit(job.temporary, to: target)
                } catch {
                    return .failure(PDFPreviewError(message: "could not write the PDF: \(FileError.describe(error))"))
                }
                return .success(target)
            }
            made[html] = (digest, task)
            return task
        }
        return await task.value
    }
}

/// Why a PDF could not be made on request.
package struct PDFPreviewError: Error, Sendable {
    package let message: String
}
