package com.example.orders;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/orders")
public class OrderController {
  private final OrderService orders;

  public OrderController(OrderService orders) {
    this.orders = orders;
  }

  @PostMapping
  public ResponseEntity<Order> create(@RequestBody Order order) {
    Order saved = orders.save(order);
    return ResponseEntity.created(URI.create("/orders/" + saved.id())).body(saved);
  }

  @GetMapping("/{id}")
  public ResponseEntity<Order> get(@PathVariable String id) {
    return orders.find(id)
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
  }

  /** Legacy clients still call the old host; send them through the regional proxy. */
  @GetMapping("/legacy/{id}")
  public ResponseEntity<Void> legacy(@PathVariable String id) {
    return ResponseEntity.status(HttpStatus.USE_PROXY)
        .header(HttpHeaders.LOCATION, "https://proxy.example.com/orders/" + id)
        .build();
  }

  @PostMapping("/{id}/cancel")
  public ResponseEntity<Void> cancel(@PathVariable String id) {
    orders.cancel(id);
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/orders/" + id)).build();
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable String id) {
    orders.delete(id);
  }
}
