package com.audiostems.workflows.host;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * A host's pulse. Each CPU host polls a liveness queue of its own ({@link
 * com.audiostems.workflows.TaskQueues#livenessOf}) with slots that its media work never takes, so a
 * ping is answered within seconds however busy the host is, and not at all once it is gone.
 */
@ActivityInterface
public interface HostLivenessActivities {

  /**
   * @return the host's name
   */
  @ActivityMethod
  String ping();
}
