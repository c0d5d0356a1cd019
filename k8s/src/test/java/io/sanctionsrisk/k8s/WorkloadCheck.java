package io.sanctionsrisk.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a platform team asks of every pod before it enters their cluster (and what Pod Security "restricted"
 * enforces): probes, requests and limits, non-root, read-only root filesystem with an emptyDir for /tmp, no
 * capabilities, no privilege escalation, RuntimeDefault seccomp, no service-account token, nothing from the host.
 */
final class WorkloadCheck {

    private static final List<String> RESOURCES = List.of("cpu", "memory");

    private WorkloadCheck() {}

    static List<String> check(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Manifests.Workload workload : manifests.workloads()) {
            String where = workload.id();
            var pod = workload.pod();
            if (workload.containers().isEmpty()) {
                violations.add(where + ": no containers");
                continue;
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                violations.add(
                        where + ": automountServiceAccountToken must be false (no pod calls the Kubernetes API)");
            }
            String account = pod.getServiceAccountName();
            if (account == null || account.isBlank() || account.equals("default")) {
                violations.add(where + ": runs as the namespace's default service account; give it its own");
            } else {
                Optional<ServiceAccount> sa = manifests.find(ServiceAccount.class, account);
                if (sa.isEmpty()) {
                    violations.add(where + ": service account " + account + " is not defined in the manifests");
                } else if (!Boolean.FALSE.equals(sa.get().getAutomountServiceAccountToken())) {
                    violations.add("ServiceAccount/" + account + ": automountServiceAccountToken must be false");
                }
            }
            if (Boolean.TRUE.equals(pod.getHostNetwork())
                    || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                violations.add(where + ": shares a host namespace (hostNetwork/hostPID/hostIPC)");
            }
            List<Volume> volumes = pod.getVolumes() == null ? List.of() : pod.getVolumes();
            for (Volume volume : volumes) {
                if (volume.getHostPath() != null) {
                    violations.add(where + ": volume " + volume.getName() + " mounts a host path");
                }
            }
            PodSecurityContext podSecurity = pod.getSecurityContext();
            boolean podNonRoot = podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot());
            boolean podSeccomp = podSecurity != null
                    && podSecurity.getSeccompProfile() != null
                    && "RuntimeDefault".equals(podSecurity.getSeccompProfile().getType());
            if (podSecurity != null && Long.valueOf(0).equals(podSecurity.getRunAsUser())) {
                violations.add(where + ": pod securityContext runs as user 0");
            }
            for (Container container : workload.allContainers()) {
                boolean init = workload.initContainers().contains(container);
                String c = where + " container " + container.getName();
                containerSecurity(container, c, podNonRoot, podSeccomp, violations);
                resources(container.getResources(), c, violations);
                if (!init) {
                    if (container.getLivenessProbe() == null) {
                        violations.add(c + ": no livenessProbe");
                    }
                    if (container.getReadinessProbe() == null) {
                        violations.add(c + ": no readinessProbe");
                    }
                    tmpIsEmptyDir(container, volumes, c, violations);
                }
            }
        }
        return violations;
    }

    private static void containerSecurity(
            Container container, String where, boolean podNonRoot, boolean podSeccomp, List<String> violations) {
        SecurityContext security = container.getSecurityContext();
        if (security == null) {
            violations.add(where + ": no securityContext");
            return;
        }
        if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
            violations.add(where + ": allowPrivilegeEscalation must be false");
        }
        if (Boolean.TRUE.equals(security.getPrivileged())) {
            violations.add(where + ": privileged");
        }
        if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
            violations.add(where + ": readOnlyRootFilesystem must be true");
        }
        boolean nonRoot = security.getRunAsNonRoot() != null ? security.getRunAsNonRoot() : podNonRoot;
        if (!nonRoot) {
            violations.add(where + ": runAsNonRoot must be true (pod or container)");
        }
        if (Long.valueOf(0).equals(security.getRunAsUser())) {
            violations.add(where + ": runs as user 0");
        }
        boolean seccomp = security.getSeccompProfile() != null
                ? "RuntimeDefault".equals(security.getSeccompProfile().getType())
                : podSeccomp;
        if (!seccomp) {
            violations.add(where + ": seccompProfile must be RuntimeDefault (pod or container)");
        }
        var capabilities = security.getCapabilities();
        if (capabilities == null
                || capabilities.getDrop() == null
                || !capabilities.getDrop().contains("ALL")) {
            violations.add(where + ": capabilities must drop ALL");
        }
        if (capabilities != null
                && capabilities.getAdd() != null
                && !capabilities.getAdd().isEmpty()) {
            violations.add(where + ": adds capabilities " + capabilities.getAdd());
        }
    }

    private static void resources(ResourceRequirements resources, String where, List<String> violations) {
        Map<String, Quantity> requests =
                resources == null || resources.getRequests() == null ? Map.of() : resources.getRequests();
        Map<String, Quantity> limits =
                resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
        for (String resource : RESOURCES) {
            Quantity request = requests.get(resource);
            Quantity limit = limits.get(resource);
            if (request == null) {
                violations.add(where + ": no " + resource + " request");
            }
            if (limit == null) {
                violations.add(where + ": no " + resource + " limit");
            }
            if (request != null && limit != null) {
                try {
                    if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                        violations.add(where + ": " + resource + " request " + request + " exceeds its limit " + limit);
                    }
                } catch (ArithmeticException | IllegalArgumentException e) {
                    violations.add(where + ": " + resource + " quantity is not a number: " + request + " / " + limit);
                }
            }
        }
    }

    private static void tmpIsEmptyDir(
            Container container, List<Volume> volumes, String where, List<String> violations) {
        List<VolumeMount> mounts = container.getVolumeMounts() == null ? List.of() : container.getVolumeMounts();
        Optional<VolumeMount> tmp =
                mounts.stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst();
        if (tmp.isEmpty()) {
            violations.add(where + ": no writable /tmp (mount an emptyDir there; the root filesystem is read-only)");
            return;
        }
        boolean emptyDir =
                volumes.stream().anyMatch(v -> v.getName().equals(tmp.get().getName()) && v.getEmptyDir() != null);
        if (!emptyDir) {
            violations.add(where + ": /tmp is not an emptyDir volume");
        }
    }
}
