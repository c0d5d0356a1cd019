package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds every rendered object to the fabric8 typed model and fails on anything the model does not know: a
 * kind/apiVersion without a model class, a value of the wrong type, and fields the model does not have. fabric8
 * keeps unknown (for example misspelled) fields silently in additionalProperties, so the whole object tree is
 * walked and every non-empty additionalProperties is reported with its path.
 */
final class TypedModelCheck {

    private static final int MAX_DEPTH = 64;

    private TypedModelCheck() {}

    static List<String> check(Manifests manifests) {
        List<String> violations = new ArrayList<>(manifests.parseProblems());
        for (HasMetadata object : manifests.objects()) {
            String where = Manifests.id(object);
            if (object instanceof GenericKubernetesResource) {
                violations.add(where + ": no typed model for apiVersion " + object.getApiVersion() + " kind "
                        + object.getKind() + " (misspelt kind or apiVersion, or an API this cluster does not have)");
                continue;
            }
            walk(object, where, violations, 0);
        }
        return violations;
    }

    private static void walk(Object node, String path, List<String> violations, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", violations, depth + 1);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, violations, depth + 1));
            return;
        }
        Class<?> type = node.getClass();
        if (!type.getName().startsWith("io.fabric8.")) {
            return;
        }
        Object extra = invoke(node, "getAdditionalProperties");
        if (extra instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
            violations.add(path + ": unknown field(s) " + unknown.keySet() + " (not in the " + type.getSimpleName()
                    + " model)");
        }
        for (Method getter : type.getMethods()) {
            if (!isModelGetter(getter)) {
                continue;
            }
            Object child = invoke(node, getter.getName());
            walk(child, path + "." + property(getter.getName()), violations, depth + 1);
        }
    }

    private static boolean isModelGetter(Method method) {
        if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())) {
            return false;
        }
        String name = method.getName();
        if (!name.startsWith("get") || name.equals("getAdditionalProperties") || name.equals("getClass")) {
            return false;
        }
        Class<?> returns = method.getReturnType();
        return List.class.isAssignableFrom(returns)
                || Map.class.isAssignableFrom(returns)
                || returns.getName().startsWith("io.fabric8.");
    }

    private static Object invoke(Object target, String getter) {
        try {
            return target.getClass().getMethod(getter).invoke(target);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter + " of " + target.getClass(), e);
        }
    }

    private static String property(String getter) {
        String name = getter.substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
