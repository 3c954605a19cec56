package dev.slipway.deploy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A function's handler run the way Lambda's Java runtime runs it, in a JVM of its own whose class
 * path is the package first: the handler built by its public constructor from the environment,
 * then one invocation per event file, each read by the runtime's event serializer. Prints
 * {@code HANDLED <file> <status>} per event (the HTTP status, or {@code -} for other results).
 * Started by {@link PackageClassLoadingTest}; arguments: handler class, event files.
 */
public final class PackageRun {
    private PackageRun() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> handlerType = Class.forName(args[0]);
        Object handler = handlerType.getConstructor().newInstance();
        Class<?> eventType = eventType(handlerType);
        PojoSerializer<?> events = LambdaEventSerializers.serializerFor(eventType, PackageRun.class.getClassLoader());
        Method handle = handlerType.getMethod("handleRequest", eventType, Context.class);
        for (int i = 1; i < args.length; i++) {
            Object result;
            try (InputStream in = Files.newInputStream(Path.of(args[i]))) {
                result = handle.invoke(handler, events.fromJson(in), null);
            }
            String status = result instanceof APIGatewayV2HTTPResponse response ? String.valueOf(response.getStatusCode()) : "-";
            System.out.println("HANDLED " + Path.of(args[i]).getFileName() + " " + status);
        }
    }

    private static Class<?> eventType(Class<?> handlerType) {
        for (Type implemented : handlerType.getGenericInterfaces()) {
            if (implemented instanceof ParameterizedType parameterized && parameterized.getRawType() == RequestHandler.class) {
                return (Class<?>) parameterized.getActualTypeArguments()[0];
            }
        }
        throw new IllegalArgumentException(handlerType.getName() + " does not implement RequestHandler");
    }
}
