package com.audiostems.activities.host;

import com.audiostems.workflows.host.HostAffinity;
import com.audiostems.workflows.host.HostLivenessActivities;

/** Answers pings on this host's liveness queue: being scheduled at all is the answer. */
public class HostLivenessActivitiesImpl implements HostLivenessActivities {
  private final HostAffinity host;

  public HostLivenessActivitiesImpl(HostAffinity host) {
    this.host = host;
  }

  @Override
  public String ping() {
    return host.host();
  }
}
