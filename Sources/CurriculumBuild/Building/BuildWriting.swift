import Foundation

extension Builder {
    /// Writes `plan` into `store`, in stages: the pages (rendered and written in parallel), the
    /// images, the PDFs, then the sweep of outputs no longer made, one flush, and the manifest
    /// last, so it never names a file that is not there. Returns the problems found on the way
    /// and the manifest written; `result` counts what was written and what was unchanged.
    func write(_ plan: BuildPlan, prepared: Prepared, options: BuildOptions, into store: any OutputStore,
               result: inout BuildResult) -> (problems: [Diagnostic], manifest: BuildManifest) {
        let out = options.out
        let old = store.readManifest()
        var manifest = BuildManifest()
        var problems = writePages(plan, old: old, into: store, out: out, manifest: &manifest, result: &result)
        result.handoutCount = prepared.modules.count
        result.guideCount = prepared.modules.count

        // PDFs of handouts, guides, packets and plans, from the HTML just written; a PDF whose
        // page is unchanged and whose file is the one its entry describes is kept, with its findings.
        if options.pdf, let engine = pdfEngine, problems.isEmpty, !isCancelled {
            let notes = PDFNotes(curriculum: prepared.curriculum, templatesFolder: prepared.templates.folder, out: out, fileSystem: fileSystem)
            var pages: [PDFStage.Page] = []
            for (page, pdfPath, key) in plan.pdfs {
                if let recorded = old.outputs[pdfPath], store.entryOnDisk(key: key, pdfPath) == recorded {
                    manifest.outputs[pdfPath] = recorded
                    result.unchanged += 1
                    // The findings of a PDF that is not made again are reported again, every time.
                    if let kept = old.findings[pdfPath], !kept.isEmpty {
                        manifest.findings[pdfPath] = kept
                        problems += kept.compactMap { notes.diagnostic($0, pdf: pdfPath) }
                    }
                    continue
                }
                pages.append(PDFStage.Page(html: page.path, pdf: pdfPath, key: key))
            }
            if !pages.isEmpty { progress("making \(pages.count) PDFs with WeasyPrint") }
            let cancellation = self.cancellation
            let stage = PDFStage(engine: engine, notes: notes, diagnostics: DiagnosticEngine(schema: prepared.curriculum.schema), out: out,
                                 jobsInParallel: options.jobs, sourceDateEpoch: Self.sourceDateEpoch(prepared.modules),
                                 isCancelled: { cancellation?.isCancelled ?? false })
            let made = stage.run(pages, in: store)
            problems += made.problems
            for (path, entry) in made.entries { manifest.outputs[path] = entry }
            for path in made.written { if let found = made.findings[path] { manifest.findings[path] = found } }
            result.written += made.written
            result.pdfCount = manifest.outputs.keys.filter { $0.hasSuffix(".pdf") }.count
        }

        // Files this build did not reach or could not replace (cancelled, disk full, a failed
        // PDF stage) are still the earlier build's, and their entries still describe them: keep
        // them. Dated packets (`build --from`) are a record of what was handed out: kept too.
        // Outputs of an earlier build that this one no longer makes (a removed module) are
        // removed, when they are this tool's regular files inside --out.
        let planned = plan.paths
        for (path, entry) in old.outputs where manifest.outputs[path] == nil {
            if isCancelled || planned.contains(path) || OutputPaths.isDatedPacket(path) {
                if store.holdsFile(path) {
                    manifest.outputs[path] = entry
                    if let kept = old.findings[path] { manifest.findings[path] = kept }
                }
            } else {
                store.removeOutput(path)
            }
        }
        if isCancelled {
            store.removeLeftovers()
            result.interrupted = true
        }
        // One flush for every file written above, before the manifest names them.
        if !result.written.isEmpty { store.flush() }
        do {
            try store.writeManifest(manifest)
        } catch {
            problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, BuildManifest.fileName)), .at(line: 1),
                "could not write the build manifest: \(FileError.describe(error))"))
        }
        if !problems.isEmpty {
            result.report = CheckReport(diagnostics: prepared.checked.diagnostics + problems, fileCount: prepared.checked.fileCount)
        }
        return (problems, manifest)
    }

    /// The HTML stage: each page rendered and written as soon as it is rendered (so writing
    /// overlaps rendering and no page waits in memory), on every core, then recorded in plan
    /// order; then the images. A page is unchanged only when the file in the store is the one
    /// its manifest entry was made for (the entry holds a digest of the file's bytes).
    private func writePages(_ plan: BuildPlan, old: BuildManifest, into store: any OutputStore, out: String,
                            manifest: inout BuildManifest, result: inout BuildResult) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let outcomes = Locked([String: OutputOutcome]())
        let cancellation = self.cancellation
        let items = plan.outputs
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            if cancellation?.isCancelled == true { return }
            let item = items[index]
            if let recorded = old.outputs[item.path], store.entryOnDisk(key: item.key, item.path) == recorded {
                outcomes.withValue { $0[item.path] = .unchanged(recorded) }
                return
            }
            let html = Array(item.render().utf8)
            let outcome: OutputOutcome
            do {
                outcome = .written(try store.write(html, to: item.path, key: item.key))
            } catch {
                outcome = .failed(FileError.describe(error))
            }
            outcomes.withValue { $0[item.path] = outcome }
        }
        let reached = outcomes.current
        for output in items {
            switch reached[output.path] {
            case nil:
                continue  // not reached: cancelled
            case .unchanged(let entry):
                result.unchanged += 1
                manifest.outputs[output.path] = entry
            case .written(let entry):
                result.written.append(output.path)
                manifest.outputs[output.path] = entry
            case .failed(let failure):
                problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, output.path)), .at(line: 1),
                    "could not write the file: \(failure)", fix: Fix(summary: "check that the output folder is writable")))
            }
        }
        for asset in plan.assets where !isCancelled {
            if let recorded = old.outputs[asset.path], store.entryOnDisk(key: asset.key, asset.path) == recorded {
                result.unchanged += 1
                manifest.outputs[asset.path] = recorded
                continue
            }
            do {
                manifest.outputs[asset.path] = try store.write(asset.bytes, to: asset.path, key: asset.key)
                result.written.append(asset.path)
            } catch {
                problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, asset.path)), .at(line: 1),
                    "could not copy the file: \(FileError.describe(error))"))
            }
        }
        return problems
    }

    /// What became of one planned page.
    enum OutputOutcome: Sendable {
        /// The file in the store is the one its manifest entry describes.
        case unchanged(String)
        /// Written, with its new manifest entry.
        case written(String)
        /// Could not be written, and why.
        case failed(String)
    }
}
