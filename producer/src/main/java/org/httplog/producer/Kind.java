package org.httplog.producer;

import java.util.SplittableRandom;

/**
 * The kinds of resource a CDN serves, with their share of the catalogue, their size distribution
 * and the request mixes that depend on the kind (methods, statuses, cache results, query strings).
 */
enum Kind {
    IMAGE(45, 45_000, 1.0, false),
    SCRIPT_OR_STYLE(15, 30_000, 1.2, false),
    PAGE(8, 25_000, 0.5, false),
    VIDEO_SEGMENT(10, 900_000, 0.4, false),
    FONT(2, 35_000, 0.3, false),
    API(20, 1_500, 1.0, true);

    private static final int[] IMAGE_WIDTHS = {320, 640, 960, 1280};
    private static final int[] IMAGE_QUALITIES = {75, 80, 90};
    private static final String[] CAMPAIGNS = {"newsletter", "google", "facebook", "partner"};

    private final int catalogueShare;
    private final long medianSize;
    private final double sizeSigma;
    private final boolean dynamic;

    Kind(int catalogueSharePercent, long medianSize, double sizeSigma, boolean dynamic) {
        this.catalogueShare = catalogueSharePercent;
        this.medianSize = medianSize;
        this.sizeSigma = sizeSigma;
        this.dynamic = dynamic;
    }

    /** A kind drawn by catalogue share. */
    static Kind draw(SplittableRandom random) {
        int pick = random.nextInt(100);
        for (Kind kind : values()) {
            pick -= kind.catalogueShare;
            if (pick < 0) {
                return kind;
            }
        }
        return API;
    }

    /** Whether responses are generated per request (sizes vary, the cache is mostly bypassed). */
    boolean dynamic() {
        return dynamic;
    }

    long drawSize(SplittableRandom random) {
        return Math.max(64, Math.round(medianSize * Math.exp(random.nextGaussian() * sizeSigma)));
    }

    String method(SplittableRandom random) {
        int pick = random.nextInt(1000);
        if (this == API) {
            return pick < 700 ? "GET" : pick < 950 ? "POST" : pick < 980 ? "PUT" : pick < 990 ? "DELETE" : "OPTIONS";
        }
        return pick < 970 ? "GET" : "HEAD";
    }

    int status(SplittableRandom random, String method) {
        int pick = random.nextInt(10_000);
        if (this == API) {
            return pick < 9_000 ? ("POST".equals(method) ? 201 : 200) : pick < 9_300 ? 400 : pick < 9_500 ? 401
                    : pick < 9_750 ? 404 : pick < 9_850 ? 429 : pick < 9_950 ? 500 : 503;
        }
        if (pick < 600) {
            return 304;
        }
        if (pick < 750) {
            return 404;
        }
        if (pick < 780) {
            return 403;
        }
        if (pick < 800) {
            return this == PAGE ? 301 : 302;
        }
        if (pick < 830) {
            return pick < 810 ? 500 : pick < 820 ? 502 : 504;
        }
        if (this == VIDEO_SEGMENT && pick < 3_800) {
            return 206;
        }
        return 200;
    }

    String cacheStatus(SplittableRandom random, int status) {
        if (status >= 500) {
            return "MISS";
        }
        int pick = random.nextInt(1000);
        if (this == API) {
            return pick < 750 ? "BYPASS" : pick < 950 ? "MISS" : "HIT";
        }
        if (this == PAGE) {
            return pick < 600 ? "HIT" : pick < 850 ? "MISS" : pick < 950 ? "EXPIRED" : "BYPASS";
        }
        return pick < 860 ? "HIT" : pick < 940 ? "MISS" : pick < 970 ? "EXPIRED" : pick < 985 ? "REVALIDATED"
                : pick < 990 ? "STALE" : "UPDATING";
    }

    /** The query string of one request ("" for none); API calls carry the client's session. */
    String query(SplittableRandom random, int client) {
        int pick = random.nextInt(100);
        return switch (this) {
            case IMAGE -> pick < 25 ? "?w=" + IMAGE_WIDTHS[random.nextInt(IMAGE_WIDTHS.length)] + "&q="
                    + IMAGE_QUALITIES[random.nextInt(IMAGE_QUALITIES.length)] : "";
            case PAGE -> pick < 10 ? "?utm_source=" + CAMPAIGNS[random.nextInt(CAMPAIGNS.length)] : "";
            case API -> pick < 60 ? "?session=" + Integer.toHexString(client * 0x2F0B_3A49 | 0x1000_0000)
                    + "&page=" + (1 + random.nextInt(5)) : "";
            default -> "";
        };
    }
}
