package dev.slipway.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Superclasses and interface-ness of the classes in a jar and of the JDK's, read from their class
 * files without loading them: what ASM needs to merge two types in a frame.
 */
final class HierarchyLookup {
    private record Header(String superName, boolean isInterface) {
    }

    private final FileSystem jar;
    private final Map<String, Header> headers = new HashMap<>();

    HierarchyLookup(FileSystem jar) {
        this.jar = jar;
    }

    /**
     * The nearest class both types extend, as ASM's {@code ClassWriter.getCommonSuperClass} would
     * answer by loading them: {@code java/lang/Object} when either is an interface.
     *
     * @throws IllegalStateException if a type is neither in the jar nor in the JDK
     */
    String commonSuperClass(String type1, String type2) {
        if (header(type1).isInterface() || header(type2).isInterface()) {
            return "java/lang/Object";
        }
        List<String> ancestors1 = ancestors(type1);
        for (String candidate : ancestors(type2)) {
            if (ancestors1.contains(candidate)) {
                return candidate;
            }
        }
        return "java/lang/Object";
    }

    private List<String> ancestors(String type) {
        List<String> ancestors = new ArrayList<>();
        for (String t = type; t != null; t = header(t).superName()) {
            ancestors.add(t);
        }
        return ancestors;
    }

    private Header header(String type) {
        Header known = headers.get(type);
        if (known == null) {
            ClassReader reader = new ClassReader(classFile(type));
            known = new Header(reader.getSuperName(), (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0);
            headers.put(type, known);
        }
        return known;
    }

    private byte[] classFile(String type) {
        try {
            Path inJar = jar.getPath("/" + type + ".class");
            if (Files.exists(inJar)) {
                return Files.readAllBytes(inJar);
            }
            try (InputStream jdk = ClassLoader.getSystemResourceAsStream(type + ".class")) {
                if (jdk == null) {
                    throw new IllegalStateException("class " + type + " is neither in the jar nor in the JDK");
                }
                return jdk.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
