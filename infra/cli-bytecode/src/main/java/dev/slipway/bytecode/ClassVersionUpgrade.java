package dev.slipway.bytecode;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the classes of one package in a jar to class-file version 52 (Java 8), with stack-map
 * frames, in place.
 *
 * <p>Why: the JVM's class-data sharing refuses classes older than version 50 ("Pre JDK 6 class not
 * supported by CDS"), and classes it had to check with the old type-inferring verifier (versions
 * below 50, or 50 without valid frames); picocli ships Java 5 classes, so without this every run of
 * the tool loads, parses and verifies picocli's ~175 classes again. Version 52 is the first whose
 * classes are verified by their frames alone, with no fall-back to the old verifier. The bytecode is
 * otherwise kept as it is: only the version and the frames change.
 *
 * <p>Usage: {@code ClassVersionUpgrade JAR PACKAGE_PREFIX...}, e.g. {@code slipway.jar picocli/}.
 */
public final class ClassVersionUpgrade {
    /** The class-file version written: Java 8's. */
    static final int TARGET_VERSION = Opcodes.V1_8;

    private ClassVersionUpgrade() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ClassVersionUpgrade JAR PACKAGE_PREFIX...");
        }
        Path jar = Path.of(args[0]);
        List<String> prefixes = List.of(args).subList(1, args.length);
        int upgraded = upgrade(jar, prefixes);
        System.out.println("Upgraded " + upgraded + " classes under " + prefixes + " in " + jar
                + " to class-file version " + TARGET_VERSION);
    }

    /**
     * Upgrades, in place, every class of {@code jar} under one of {@code prefixes} whose version is
     * below {@link #TARGET_VERSION}.
     *
     * @return how many classes were rewritten
     * @throws IOException if the jar cannot be read or written
     * @throws IllegalStateException if no class is found under a prefix (a typo, or a dependency
     *     that moved), so a build never silently stops upgrading
     */
    public static int upgrade(Path jar, List<String> prefixes) throws IOException {
        // The zip file system rewrites only the entries that changed and copies the others as they are
        // (compressed bytes included), so a 40 MB jar is not recompressed for 228 classes.
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            HierarchyLookup hierarchy = new HierarchyLookup(zip);
            int upgraded = 0;
            for (String prefix : prefixes) {
                List<Path> classes = classesUnder(zip.getPath("/" + prefix));
                if (classes.isEmpty()) {
                    throw new IllegalStateException("no class under " + prefix + " in " + jar);
                }
                for (Path path : classes) {
                    byte[] original = Files.readAllBytes(path);
                    if (version(original) >= TARGET_VERSION) {
                        continue;
                    }
                    Files.write(path, upgrade(original, hierarchy));
                    upgraded++;
                }
            }
            return upgraded;
        }
    }

    /**
     * The same class at {@link #TARGET_VERSION}, frames computed.
     *
     * @param hierarchy answers which class two types have in common, as frames need it
     */
    static byte[] upgrade(byte[] classFile, HierarchyLookup hierarchy) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return hierarchy.commonSuperClass(type1, type2);
            }
        };
        ClassVisitor versionSetter = new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(TARGET_VERSION, access, name, signature, superName, interfaces);
            }
        };
        // Old frames (there are none below version 50) are dropped and all are computed afresh.
        reader.accept(versionSetter, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /** The major version of a class file. */
    static int version(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    private static List<Path> classesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> classes = new ArrayList<>();
            files.filter(p -> p.toString().endsWith(".class")).sorted().forEach(classes::add);
            return classes;
        }
    }
}
