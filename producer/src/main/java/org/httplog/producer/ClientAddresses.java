package org.httplog.producer;

/**
 * The address of each client of the pool: clients share IPv4 /24 networks (households, offices and
 * carrier NAT behind an ISP's ranges) or IPv6 /48 prefixes, so after masking many clients fall into
 * the same network, as in real traffic.
 */
final class ClientAddresses {

    private static final int[] IPV6_FIRST_GROUPS = {0x2001, 0x2003, 0x2a01, 0x2a02, 0x2600, 0x2804};

    private ClientAddresses() {
    }

    static String of(int client) {
        int hash = mix(client);
        if (Integer.remainderUnsigned(hash, 100) < SyntheticTraffic.IPV6_PERCENT) {
            int network = mix(Integer.remainderUnsigned(hash >>> 7, SyntheticTraffic.IPV6_NETWORKS) + 1);
            int interfaceId = mix(hash);
            return Integer.toHexString(IPV6_FIRST_GROUPS[Integer.remainderUnsigned(network, IPV6_FIRST_GROUPS.length)])
                    + ":" + Integer.toHexString(network >>> 16) + ":" + Integer.toHexString(network & 0xFFFF) + ":"
                    + Integer.toHexString(hash & 0xF) + ":" + Integer.toHexString(interfaceId >>> 16) + ":"
                    + Integer.toHexString(interfaceId & 0xFFFF) + ":" + Integer.toHexString(hash >>> 16) + ":"
                    + Integer.toHexString(mix(interfaceId) & 0xFFFF);
        }
        int network = mix(Integer.remainderUnsigned(hash >>> 7, SyntheticTraffic.IPV4_NETWORKS) + 7);
        int first = 1 + Integer.remainderUnsigned(network >>> 24, 223);
        if (first == 10 || first == 127) {
            first++;
        }
        return first + "." + (network >>> 16 & 0xFF) + "." + (network >>> 8 & 0xFF) + "." + (1 + (hash & 0xFF) % 254);
    }

    /** A bijective integer hash (murmur3's finaliser). */
    private static int mix(int value) {
        int h = value;
        h ^= h >>> 16;
        h *= 0x85EB_CA6B;
        h ^= h >>> 13;
        h *= 0xC2B2_AE35;
        h ^= h >>> 16;
        return h;
    }
}
