package org.httplog.it;

import java.io.IOException;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** Reads the Connect worker's metrics over JMX, as an operator's monitoring would. */
final class WorkerJmx {

    private WorkerJmx() {
    }

    /** The value of a metric (attribute) of any MBean tagged with the connector's name, or null. */
    static Object metric(String connector, String attribute) throws Exception {
        return first("kafka.connect:connector=" + connector + ",*", attribute);
    }

    /** A metric of the sink task's consumer (e.g. records-lag-max of its fetch manager), or null. */
    static Object consumerMetric(String connector, int task, String attribute) throws Exception {
        return first("kafka.consumer:type=consumer-fetch-manager-metrics,client-id=connector-consumer-" + connector
                + "-" + task, attribute);
    }

    private static Object first(String pattern, String attribute) throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + Stack.connectJmxAddress() + "/jmxrmi");
        try (JMXConnector jmx = JMXConnectorFactory.connect(url)) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            Set<ObjectName> names = server.queryNames(new ObjectName(pattern), null);
            for (ObjectName name : names) {
                for (MBeanAttributeInfo info : server.getMBeanInfo(name).getAttributes()) {
                    if (info.getName().equals(attribute)) {
                        return server.getAttribute(name, attribute);
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the worker's JMX port", e);
        }
    }
}
