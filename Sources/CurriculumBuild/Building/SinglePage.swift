import Foundation

extension Builder {
    /// Writes one page a command makes outside a whole build (`packet`, `makeup`): its HTML and
    /// the stylesheet at `name`.html under `--out`, then its PDF through the shared PDF stage,
    /// which keeps nothing of a run stopped with Ctrl-C. `what` names the page in a write error
    /// ("the packet"). Returns the problems met; `result` counts what was written.
    func writeSinglePage(_ html: String, to name: String, what: String, prepared: Prepared, root: String,
                         options: BuildOptions, result: inout BuildResult) -> [Diagnostic] {
        let htmlPath = PathUtil.join(options.out, name + ".html")
        var problems: [Diagnostic] = []
        do {
            try AtomicWriter.write(html, to: htmlPath)
            try AtomicWriter.write(prepared.templates.css, to: PathUtil.join(options.out, "assets/print.css"))
            result.written.append(name + ".html")
        } catch {
            problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(htmlPath), .at(line: 1), "could not write \(what): \(FileError.describe(error))"))
        }
        guard options.pdf, let engine = pdfEngine, problems.isEmpty else { return problems }
        progress("making the PDF of \(what) with WeasyPrint")
        let cancellation = self.cancellation
        var stage = PDFStage(engine: engine,
                             notes: PDFNotes(curriculum: prepared.curriculum, templatesFolder: prepared.templates.folder, out: options.out, fileSystem: fileSystem),
                             diagnostics: DiagnosticEngine(schema: prepared.curriculum.schema), out: options.out, jobsInParallel: 1,
                             sourceDateEpoch: Self.sourceDateEpoch(prepared.modules), isCancelled: { cancellation?.isCancelled ?? false })
        stage.discardsWhenCancelled = true
        let made = stage.run([PDFStage.Page(html: name + ".html", pdf: name + ".pdf", key: "")],
                             in: DiskOutputStore(folder: options.out, protected: protectedFolders(root: root, options: options)))
        if isCancelled {
            result.interrupted = true
        } else {
            problems += made.problems
            result.written += made.written
            result.pdfCount = made.written.count
        }
        return problems
    }
}
