package dev.slipway.local;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The address testers' devices reach this machine at, when {@code --host} does not say: the IPv4
 * address of an interface that is up, not loopback and not a container or VM bridge, preferring
 * private (LAN) ranges; {@code localhost} when there is none.
 */
final class LanAddress {
    private static final List<String> VIRTUAL = List.of("docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "utun",
            "tun", "tap", "zt", "tailscale", "wg");

    private LanAddress() {
    }

    static String guess() {
        List<Inet4Address> candidates = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                String name = nic.getName().toLowerCase(Locale.ROOT);
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual() || VIRTUAL.stream().anyMatch(name::startsWith)) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address v4 && !v4.isLoopbackAddress() && !v4.isLinkLocalAddress()) {
                        candidates.add(v4);
                    }
                }
            }
        } catch (SocketException e) {
            return "localhost";
        }
        return candidates.stream()
                .min(Comparator.comparing((Inet4Address a) -> !a.isSiteLocalAddress()))
                .map(InetAddress::getHostAddress)
                .orElse("localhost");
    }
}
