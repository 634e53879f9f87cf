package io.resetflow.local;

import io.resetflow.tracker.timers.CampaignClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A java.time Clock showing campaign time, so the notifier keeps quiet hours in the accelerated campaign. */
final class CampaignTimeClock extends Clock {

    private final CampaignClock campaign;
    private final ZoneId zone;

    CampaignTimeClock(CampaignClock campaign, ZoneId zone) {
        this.campaign = campaign;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new CampaignTimeClock(campaign, other);
    }

    @Override
    public Instant instant() {
        return campaign.toCampaign(System.currentTimeMillis());
    }
}
