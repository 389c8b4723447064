package org.paraterm.corpus;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The five UN documents that ship with paraterm ({@code glossary/corpus/un-zh}), and the UN Parallel
 * Corpus development set ({@code glossary/corpus/parallel/unpc-dev}). Started from the project folder, the server reads them from disk; started anywhere else, it reads the copy the
 * build packs into the jar, through a zip file system that stays open until {@link #close()}.
 */
public final class BundledCorpus implements Closeable {

    static final String FOLDER = "glossary/corpus/un-zh";
    /** The UN Parallel Corpus development set, loaded into the parallel store on first start. */
    static final String PARALLEL_FOLDER = "glossary/corpus/parallel/unpc-dev";

    // A file known to be in each folder: a class loader finds files, not always folders (jars need
    // not hold entries for folders).
    private static final String README = "/README.md";

    private final Path folder;
    private final FileSystem openedHere;

    private BundledCorpus(Path folder, FileSystem openedHere) {
        this.folder = folder;
        this.openedHere = openedHere;
    }

    /** The folder under {@code workingDirectory} when it is there, else the packed copy. */
    public static BundledCorpus open(Path workingDirectory) throws IOException {
        return open(workingDirectory, FOLDER);
    }

    /** The bundled parallel development set ({@code glossary/corpus/parallel/unpc-dev}), from disk or the jar. */
    public static BundledCorpus openParallel(Path workingDirectory) throws IOException {
        return open(workingDirectory, PARALLEL_FOLDER);
    }

    private static BundledCorpus open(Path workingDirectory, String folder) throws IOException {
        Path onDisk = workingDirectory.resolve(folder);
        if (Files.isDirectory(onDisk)) {
            return new BundledCorpus(onDisk, null);
        }
        return packed(folder);
    }

    /** The copy on the class path (in the jar, or in target/classes during a build). */
    private static BundledCorpus packed(String folder) throws IOException {
        URL anchor = BundledCorpus.class.getClassLoader().getResource(folder + README);
        if (anchor == null) {
            throw new IOException("the bundled corpus (" + folder + ") is not on the class path; start with --corpus DIR");
        }
        URI uri;
        try {
            uri = anchor.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("the bundled corpus has an unusable address: " + anchor, e);
        }
        if (!"jar".equals(uri.getScheme())) {
            return new BundledCorpus(Path.of(uri).getParent(), null);
        }
        FileSystem jar;
        FileSystem openedHere;
        try {
            jar = FileSystems.newFileSystem(uri, Map.of());
            openedHere = jar;
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
            jar = FileSystems.getFileSystem(uri);
            openedHere = null;
        }
        return new BundledCorpus(jar.provider().getPath(uri).getParent(), openedHere);
    }

    /** The folder holding the documents. */
    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        if (openedHere != null) {
            openedHere.close();
        }
    }
}
