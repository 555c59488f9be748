package dev.retort.examples.boot;

import dev.retort.api.CreateResult;
import dev.retort.examples.models.jpa.TestEntity;
import dev.retort.spring.RetortTenants;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Sign-up (a new tenant, provisioned at once) and each tenant's rows. */
@RestController
class SignUpController {
    /** What a sign-up may choose as its schema name. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final TenantRegistry registry;
    private final RetortTenants tenants;
    private final TestRepository rows;

    SignUpController(TenantRegistry registry, RetortTenants tenants, TestRepository rows) {
        this.registry = registry;
        this.tenants = tenants;
        this.rows = rows;
    }

    /** Registers the tenant and provisions its schema at head, before it is used. */
    @PostMapping("/tenants/{tenant}")
    ResponseEntity<Map<String, Object>> signUp(@PathVariable String tenant) {
        if (!NAME.matcher(tenant).matches()) {
            return ResponseEntity.badRequest().body(Map.of("error", "a tenant name is a lower-case letter, then letters, digits or _"));
        }
        if (!registry.add(tenant)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "tenant " + tenant + " exists"));
        }
        CreateResult created = tenants.create(tenant);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("tenant", tenant, "revisions", created.heads()));
    }

    @GetMapping("/tenants/{tenant}/tests")
    List<Map<String, Object>> list(@PathVariable String tenant) {
        return TenantContext.in(tenant, () -> rows.findAll().stream()
                .map(r -> Map.<String, Object>of("id", r.getId(), "name", r.getName())).toList());
    }

    @PostMapping("/tenants/{tenant}/tests")
    Map<String, Object> add(@PathVariable String tenant, @RequestParam int id, @RequestParam String name) {
        TestEntity saved = TenantContext.in(tenant, () -> rows.save(new TestEntity(id, name)));
        return Map.of("id", saved.getId(), "name", saved.getName());
    }
}
