package org.heard.desk.alerts;

/** A way to reach people: email, or the on-call webhook. Never throws: failures are values. */
interface AlertRoute {

    Delivered deliver(AlertDelivery delivery);
}
