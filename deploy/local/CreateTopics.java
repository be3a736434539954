import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the local broker's topics, each given as name:partitions:key=value,key=value (deploy/local/stack passes
 * deploy/kafka/topics.conf), and leaves those that exist alone. Run with Java's source launcher on the Kafka kit.
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] parts = args[i].split(":", 3);
            Map<String, String> configs = new HashMap<>();
            for (String config : parts[2].split(",")) {
                if (!config.isBlank()) {
                    String[] pair = config.split("=", 2);
                    configs.put(pair[0], pair[1]);
                }
            }
            topics.add(new NewTopic(parts[0], Integer.parseInt(parts[1]), (short) 1).configs(configs));
        }
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(settings)) {
            for (var created : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get();
                    System.out.println("created " + created.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }
}
